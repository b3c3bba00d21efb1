"""Barcode labels are real Code 128: the SVG we print decodes back to the copy's barcode."""

import re

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from library.labels import code128_svg

PX_PER_MM = 8
RECT = re.compile(
    r'<rect x="([\d.]+)mm" y="([\d.]+)mm" width="([\d.]+)mm" height="([\d.]+)mm" '
    r'style="fill:black;"'
)
SIZE = re.compile(r'width="([\d.]+)mm" height="([\d.]+)mm">')


def rasterise(svg):
    """Draw the SVG's black bars on white, as a printer would."""
    width, height = (float(v) for v in SIZE.search(svg).groups())
    image = Image.new("L", (round(width * PX_PER_MM), round(height * PX_PER_MM)), 255)
    draw = ImageDraw.Draw(image)
    bars = RECT.findall(svg)
    for x, y, w, h in bars:
        x, y, w, h = (float(v) * PX_PER_MM for v in (x, y, w, h))
        draw.rectangle([round(x), round(y), round(x + w) - 1, round(y + h) - 1], fill=0)
    return image, len(bars)


@pytest.mark.parametrize("value", ["BAK1000000000001", "GAN2-0042", "P000000007"])
def test_a_label_decodes_to_the_barcode_it_prints(value):
    svg = str(code128_svg(value))
    image, bars = rasterise(svg)
    assert bars > 10
    [result] = zxingcpp.read_barcodes(image)
    assert result.text == value
    assert result.format == zxingcpp.BarcodeFormat.Code128


def test_a_label_escapes_its_accessible_name():
    svg = str(code128_svg('A"B<1'))
    assert 'aria-label="A&quot;B&lt;1"' in svg
