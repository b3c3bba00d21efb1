"""URLs of the library: the public catalogue at the root, the staff desk under ``desk/``."""

from django.urls import path

from .views import desk, public

app_name = "library"

urlpatterns = [
    path("", public.catalogue, name="catalogue"),
    path("materials/<int:pk>/", public.material_detail, name="material"),
    path("materials/<int:pk>/hold/", public.place_hold, name="place_hold"),
    path("me/", public.my_library, name="my_library"),
    path("me/loans/<int:pk>/renew/", public.renew_own_loan, name="renew_own_loan"),
    path("me/holds/<int:pk>/cancel/", public.cancel_own_hold, name="cancel_own_hold"),
    path("desk/", desk.desk_index, name="desk"),
    path("desk/<slug:centre>/", desk.desk_home, name="desk_home"),
    path("desk/<slug:centre>/search/", desk.search, name="desk_search"),
    path("desk/<slug:centre>/copies/<str:barcode>/", desk.copy_detail, name="desk_copy"),
    path("desk/<slug:centre>/checkout/", desk.checkout, name="checkout"),
    path("desk/<slug:centre>/checkin/", desk.checkin, name="checkin"),
    path("desk/<slug:centre>/renew/", desk.renew, name="renew"),
    path("desk/<slug:centre>/holds/", desk.holds, name="holds"),
    path("desk/<slug:centre>/transfers/", desk.transfers, name="transfers"),
    path("desk/<slug:centre>/lost/", desk.out_of_stock, name="out_of_stock"),
    path("desk/<slug:centre>/stocktake/", desk.stocktakes, name="stocktakes"),
    path("desk/<slug:centre>/stocktake/<int:pk>/", desk.stocktake, name="stocktake"),
    path("desk/<slug:centre>/labels/", desk.labels, name="labels"),
    path("desk/<slug:centre>/reports/<slug:slug>/", desk.report, name="report"),
]
