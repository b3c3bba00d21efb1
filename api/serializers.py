"""Serializers of the API's resources (read shapes and request bodies)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from courses.models import CoursePage
from lms.models import Certificate, Cohort, Enrolment, LessonProgress, Verb


class CourseSerializer(serializers.ModelSerializer):
    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = CoursePage
        fields = [
            "id",
            "title",
            "slug",
            "summary",
            "programme",
            "audience",
            "language",
            "cpd_hours",
            "duration_minutes",
            "url",
        ]

    def get_url(self, course) -> str:
        """The course page's public address (absolute), as a browser would open it."""
        request = self.context.get("request")
        return course.get_full_url(request)


class OutlineLessonSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(source="lesson_uuid")
    title = serializers.CharField()
    required = serializers.BooleanField()
    completion_rule = serializers.CharField()
    estimated_minutes = serializers.IntegerField()


class OutlineModuleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    lessons = OutlineLessonSerializer(many=True)


class CourseDetailSerializer(CourseSerializer):
    prerequisites = serializers.SerializerMethodField()
    modules = serializers.SerializerMethodField()

    class Meta(CourseSerializer.Meta):
        fields = CourseSerializer.Meta.fields + ["prerequisites", "modules"]

    def get_prerequisites(self, course) -> list[int]:
        return list(course.prerequisites.values_list("pk", flat=True))

    @staticmethod
    def outline(course):
        modules = [
            {"id": m.pk, "title": m.title, "path": m.path, "lessons": []}
            for m in course.get_modules()
        ]
        for lesson in course.get_lessons():
            for module in modules:
                if lesson.path.startswith(module["path"]):
                    module["lessons"].append(lesson)
                    break
        return modules

    @extend_schema_field(OutlineModuleSerializer(many=True))
    def get_modules(self, course):
        return OutlineModuleSerializer(self.outline(course), many=True).data


class EnrolmentSerializer(serializers.ModelSerializer):
    course_title = serializers.CharField(source="course.title", read_only=True)
    last_lesson = serializers.UUIDField(source="last_item.uuid", read_only=True, allow_null=True)

    class Meta:
        model = Enrolment
        fields = [
            "id",
            "course",
            "course_title",
            "method",
            "enrolled_at",
            "progress",
            "lessons_completed",
            "time_spent",
            "last_lesson",
            "last_activity_at",
            "completed_at",
        ]
        read_only_fields = fields


class EnrolRequestSerializer(serializers.Serializer):
    course = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, help_text=_("The id of a live course.")
    )


class LessonProgressSerializer(serializers.ModelSerializer):
    lesson = serializers.UUIDField(source="item_id", read_only=True)
    course = serializers.IntegerField(source="item.course_id", read_only=True)

    class Meta:
        model = LessonProgress
        fields = [
            "lesson",
            "course",
            "progress",
            "time_spent",
            "first_visited_at",
            "last_visited_at",
            "completed_at",
            "best_score",
            "passed_at",
        ]
        read_only_fields = fields


PROGRESS_VERBS = [Verb.VIEWED, Verb.PROGRESSED, Verb.REACHED_END, Verb.MARKED_COMPLETE]


class ProgressRequestSerializer(serializers.Serializer):
    """A lesson progress report: ``progress`` or ``progress_delta``, never both."""

    verb = serializers.ChoiceField(
        choices=[(v.value, v.label) for v in PROGRESS_VERBS], default=Verb.PROGRESSED.value
    )
    progress = serializers.FloatField(min_value=0, max_value=1, required=False)
    progress_delta = serializers.FloatField(min_value=0, max_value=1, required=False)
    time_spent = serializers.FloatField(min_value=0, max_value=86400, required=False, default=0)

    def validate(self, data):
        has_progress = "progress" in data
        has_delta = "progress_delta" in data
        if has_progress and has_delta:
            raise serializers.ValidationError(
                {"progress_delta": [_("Send progress or progress_delta, not both.")]}
            )
        if data["verb"] == Verb.PROGRESSED and not (has_progress or has_delta):
            raise serializers.ValidationError({"progress": [_("Send progress or progress_delta.")]})
        if data["verb"] != Verb.PROGRESSED and (has_progress or has_delta):
            raise serializers.ValidationError(
                {"verb": [_('Only the verb "progressed" takes progress.')]}
            )
        return data


class ProgressResultSerializer(serializers.Serializer):
    progress = LessonProgressSerializer()
    course_progress = serializers.FloatField()
    lesson_completed_now = serializers.BooleanField()
    course_completed_now = serializers.BooleanField()
    duplicate = serializers.BooleanField()


class CertificateSerializer(serializers.ModelSerializer):
    revoked = serializers.BooleanField(source="is_revoked", read_only=True)

    class Meta:
        model = Certificate
        fields = [
            "code",
            "learner_name",
            "course_title",
            "cpd_hours",
            "completed_at",
            "issuer",
            "issued_at",
            "revoked",
        ]
        read_only_fields = fields


class CohortSerializer(serializers.ModelSerializer):
    courses = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    members = serializers.IntegerField(source="member_count", read_only=True)

    class Meta:
        model = Cohort
        fields = [
            "id",
            "name",
            "programme",
            "audience",
            "starts_on",
            "ends_on",
            "courses",
            "members",
        ]
        read_only_fields = fields


class CohortProgressSerializer(serializers.Serializer):
    learner = serializers.IntegerField(source="learner_id")
    username = serializers.CharField(source="learner__username")
    course = serializers.IntegerField(source="course_id")
    progress = serializers.FloatField()
    lessons_completed = serializers.IntegerField()
    completed_at = serializers.DateTimeField(allow_null=True)
