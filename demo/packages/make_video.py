"""Make the demo's captioned video: slides, a synthetic voice and WebVTT captions per language.

Usage (from the project's root, with ffmpeg and espeak-ng installed)::

    .venv/bin/python demo/packages/make_video.py          # az, ru and en
    .venv/bin/python demo/packages/make_video.py ru       # one language

Reads ``video/iep-cycle.json`` beside this script: per language, a title and
the slides, each with a heading, a few lines of text and the caption phrases
the voice speaks. Each phrase is spoken by espeak-ng on its own, so each
caption starts and ends with its own words; the slides are drawn with Pillow
and joined with the voice by ffmpeg (H.264 and AAC in MP4, a few hundred
kilobytes each). Writes ``video/iep-cycle-<language>.mp4`` and
``video/iep-cycle-<language>.vtt``. The lesson's transcript is the same
phrases (seed_demo and the demo's translation catalogues); the demo's tests
check that they agree.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent / "video"
SCRIPT = HERE / "iep-cycle.json"
LANGUAGES = ("az", "ru", "en")
VOICES = {"az": "az", "ru": "ru", "en": "en-gb"}
SPEED = "150"  # words a minute: slower than espeak-ng's default, for learners
SIZE = (960, 540)
LEAD_IN, PHRASE_GAP, SLIDE_GAP, TAIL = 0.5, 0.35, 0.8, 1.0  # seconds of silence
FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans{}.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans{}.ttf",
]
INK, PAPER, ACCENT, MUTED = "#1d1d1b", "#f7f5ef", "#1a4f8b", "#55554f"


def font(size, bold=False):
    """DejaVu Sans (it has ə, ğ, ı and Cyrillic), or the file named by $VIDEO_FONT."""
    suffix = "-Bold" if bold else ""
    candidates = [os.environ.get(f"VIDEO_FONT{'_BOLD' if bold else ''}", "")]
    candidates += [path.format(suffix) for path in FONTS]
    for path in filter(None, candidates):
        if os.path.exists(path):
            return ImageFont.truetype(path, size)
    raise SystemExit("No DejaVu Sans font found: install fonts-dejavu-core or set VIDEO_FONT.")


def wrap(draw, text, typeface, width):
    """``text`` cut into lines no wider than ``width`` pixels."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=typeface) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line] if line else lines


def draw_slide(slide, number, count, path):
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    margin = 72
    draw.rectangle([0, 0, 18, height], fill=ACCENT)
    heading_font, line_font, small_font = font(54, bold=True), font(36), font(22)
    y = 120
    for line in wrap(draw, slide["heading"], heading_font, width - 2 * margin):
        draw.text((margin, y), line, font=heading_font, fill=ACCENT)
        y += 68
    y += 24
    for text in slide["lines"]:
        for line in wrap(draw, text, line_font, width - 2 * margin):
            draw.text((margin, y), line, font=line_font, fill=INK)
            y += 50
    draw.text((margin, height - 60), f"{number} / {count}", font=small_font, fill=MUTED)
    image.save(path)


def speak(text, voice, path):
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", SPEED, "-w", str(path), text],
        check=True,
        capture_output=True,
    )
    with wave.open(str(path)) as sound:
        return sound.getparams(), sound.readframes(sound.getnframes())


def timestamp(seconds):
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def make(language, script, out=HERE):
    """Write the language's MP4 and WebVTT files; return the video's length in seconds."""
    slides = script[language]["slides"]
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        audio, params, cues, durations = bytearray(), None, [], []
        clock = 0.0

        def silence(seconds):
            nonlocal clock
            frames = round(params.framerate * seconds)
            audio.extend(b"\0" * frames * params.sampwidth * params.nchannels)
            clock += frames / params.framerate

        for number, slide in enumerate(slides, start=1):
            draw_slide(slide, number, len(slides), work / f"slide{number}.png")
            start = clock
            for index, phrase in enumerate(slide["captions"]):
                params, frames = speak(phrase, VOICES[language], work / "phrase.wav")
                if not audio:
                    silence(LEAD_IN)
                    start = 0.0
                elif index:
                    silence(PHRASE_GAP)
                begin = clock
                audio.extend(frames)
                clock += len(frames) / (params.sampwidth * params.nchannels * params.framerate)
                cues.append((begin, clock, phrase))
            silence(TAIL if number == len(slides) else SLIDE_GAP)
            durations.append(clock - start)
        with wave.open(str(work / "voice.wav"), "wb") as sound:
            sound.setparams(params)
            sound.writeframes(bytes(audio))
        listing = "".join(
            f"file 'slide{number}.png'\nduration {seconds:.3f}\n"
            for number, seconds in enumerate(durations, start=1)
        )
        # The concat demuxer takes the last file's duration only if it is listed again.
        (work / "slides.txt").write_text(listing + f"file 'slide{len(durations)}.png'\n")
        video = out / f"iep-cycle-{language}.mp4"
        subprocess.run(
            [
                "ffmpeg", "-y", "-loglevel", "error",
                "-f", "concat", "-safe", "0", "-i", str(work / "slides.txt"),
                "-i", str(work / "voice.wav"),
                "-vf", "fps=5,format=yuv420p",
                "-c:v", "libx264", "-preset", "slow", "-tune", "stillimage", "-crf", "30",
                "-c:a", "aac", "-b:a", "40k", "-ac", "1",
                "-metadata", f"title={script[language]['title']}",
                "-metadata:s:a:0", f"language={language}",
                "-movflags", "+faststart", "-shortest",
                str(video),
            ],
            check=True,
        )  # fmt: skip
    vtt = ["WEBVTT", ""]
    for number, (begin, end, phrase) in enumerate(cues, start=1):
        vtt += [str(number), f"{timestamp(begin)} --> {timestamp(end)}", phrase, ""]
    (out / f"iep-cycle-{language}.vtt").write_text("\n".join(vtt), encoding="utf-8")
    return clock


def main(languages):
    for tool in ("ffmpeg", "espeak-ng"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed: apt-get install {tool}")
    script = json.loads(SCRIPT.read_text(encoding="utf-8"))
    for language in languages or LANGUAGES:
        seconds = make(language, script)
        size = (HERE / f"iep-cycle-{language}.mp4").stat().st_size
        print(f"{language}: {seconds:.1f} s, {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main(sys.argv[1:])
