# captcha_attack.py: two off-the-shelf attacks on a directory of captchas with known answers.
# Run by scripts/captcha-attack with Debian's /usr/bin/python3 (python3-pil, python3-numpy):
#   captcha_attack.py DIR [tesseract|templates]...
# DIR holds NNNN.png and answers.csv (file,answer), written by xueji-captcha-samples. Prints one
# line per attack: how many answers it got exactly right. A benchmark, not a test: it never fails
# on the figures, only when it cannot run.
import csv
import math
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

# The fonts the attacker tries: every Debian font the product draws with (flows/captcha_image.cpp)
# and the likely others. Missing files are skipped.
FONT_DIR = "/usr/share/fonts/truetype"
FONTS = [
    "dejavu/DejaVuSans-Bold.ttf",
    "dejavu/DejaVuSans.ttf",
    "dejavu/DejaVuSerif-Bold.ttf",
    "dejavu/DejaVuSansMono-Bold.ttf",
    "dejavu/DejaVuSansCondensed-Bold.ttf",
    "liberation/LiberationSans-Bold.ttf",
    "liberation/LiberationSerif-Bold.ttf",
    "liberation/LiberationMono-Bold.ttf",
    "freefont/FreeSansBold.ttf",
    "freefont/FreeSerifBold.ttf",
    "freefont/FreeMonoBold.ttf",
    "dejavu/DejaVuSerif.ttf",
    "dejavu/DejaVuSansMono.ttf",
    "liberation/LiberationSans-Regular.ttf",
    "liberation/LiberationSerif-Regular.ttf",
    "freefont/FreeSans.ttf",
    "freefont/FreeSerif.ttf",
]
# gd renders points at 96 dpi: the product's 21, 24 and 27 pt are 28, 32 and 36 px.
PIXEL_SIZES = [24, 28, 32, 36]
ANGLES = list(range(-35, 36, 5))
GRID = 20  # segments and templates are compared as GRID x GRID ink maps


def load_answers(directory):
    with open(os.path.join(directory, "answers.csv"), newline="") as f:
        return [(row["file"], row["answer"]) for row in csv.DictReader(f)]


def gray(path):
    return np.asarray(Image.open(path).convert("L"), dtype=np.float32)


def otsu(values):
    hist, _ = np.histogram(values, bins=256, range=(0, 256))
    total = values.size
    sum_all = np.dot(np.arange(256), hist)
    best, best_t, w0, sum0 = -1.0, 128, 0, 0.0
    for t in range(256):
        w0 += hist[t]
        if w0 == 0 or w0 == total:
            continue
        sum0 += t * hist[t]
        m0 = sum0 / w0
        m1 = (sum_all - sum0) / (total - w0)
        between = w0 * (total - w0) * (m0 - m1) ** 2
        if between > best:
            best, best_t = between, t
    return best_t


# --- (a) Tesseract ---------------------------------------------------------------------------


def tesseract_preprocess(path):
    """Grayscale, Otsu threshold, median filter, 3x upscale, white border: Tesseract's own advice."""
    g = gray(path)
    ink = g <= otsu(g)
    image = Image.fromarray(np.where(ink, 0, 255).astype(np.uint8))
    image = image.filter(ImageFilter.MedianFilter(3))
    image = image.resize((image.width * 3, image.height * 3), Image.LANCZOS)
    image = image.point(lambda v: 0 if v < 128 else 255)
    framed = Image.new("L", (image.width + 40, image.height + 40), 255)
    framed.paste(image, (20, 20))
    return framed


def tesseract_batch(paths, psm, workdir):
    """Tesseract's readings of these images, in one run (its start-up costs more than a page)."""
    listing = os.path.join(workdir, "list.txt")
    with open(listing, "w") as f:
        for i, path in enumerate(paths):
            prepared = os.path.join(workdir, f"{i:04d}.png")
            tesseract_preprocess(path).save(prepared)
            f.write(prepared + "\n")
    result = subprocess.run(
        ["tesseract", listing, "stdout", "--psm", str(psm), "-c",
         "tessedit_char_whitelist=0123456789"],
        capture_output=True, check=True, env=dict(os.environ, OMP_THREAD_LIMIT="1"))
    pages = result.stdout.decode().split("\f")[:len(paths)]
    if len(pages) != len(paths):
        raise RuntimeError(f"tesseract gave {len(pages)} pages for {len(paths)} images")
    return ["".join(c for c in page if c.isdigit()) for page in pages]


def attack_tesseract(directory, answers, psm):
    paths = [os.path.join(directory, name) for name, _ in answers]
    jobs = max(1, os.cpu_count() or 1)
    chunks = [paths[i::jobs] for i in range(jobs)]
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(max_workers=jobs) as pool:
        dirs = [os.path.join(tmp, str(i)) for i in range(jobs)]
        for d in dirs:
            os.mkdir(d)
        readings = list(pool.map(lambda c, d: tesseract_batch(c, psm, d), chunks, dirs))
    guesses = [None] * len(paths)
    for i, chunk_readings in enumerate(readings):
        guesses[i::jobs] = chunk_readings
    return sum(g == a for g, (_, a) in zip(guesses, answers)), guesses


# --- (b) segmentation and template matching --------------------------------------------------


def components(ink):
    """8-connected components of a boolean image: a list of (ys, xs) index arrays."""
    h, w = ink.shape
    seen = np.zeros_like(ink, dtype=bool)
    found = []
    for y0, x0 in zip(*np.nonzero(ink)):
        if seen[y0, x0]:
            continue
        stack, ys, xs = [(y0, x0)], [], []
        seen[y0, x0] = True
        while stack:
            y, x = stack.pop()
            ys.append(y)
            xs.append(x)
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    ny, nx = y + dy, x + dx
                    if 0 <= ny < h and 0 <= nx < w and ink[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        stack.append((ny, nx))
        found.append((np.array(ys), np.array(xs)))
    return found


def erode(ink):
    out = ink.copy()
    out[1:, :] &= ink[:-1, :]
    out[:-1, :] &= ink[1:, :]
    out[:, 1:] &= ink[:, :-1]
    out[:, :-1] &= ink[:, 1:]
    return out


def dilate(ink):
    out = ink.copy()
    out[1:, :] |= ink[:-1, :]
    out[:-1, :] |= ink[1:, :]
    out[:, 1:] |= ink[:, :-1]
    out[:, :-1] |= ink[:, 1:]
    return out


def normalised(ink):
    """A cropped ink map as a GRID x GRID vector of unit length, plus its aspect ratio."""
    ys, xs = np.nonzero(ink)
    if len(ys) == 0:
        return None, 1.0
    crop = ink[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    image = Image.fromarray((crop * 255).astype(np.uint8)).resize((GRID, GRID), Image.BILINEAR)
    v = np.asarray(image, dtype=np.float32).ravel()
    v -= v.mean()
    n = np.linalg.norm(v)
    return (v / n if n > 0 else v), crop.shape[1] / crop.shape[0]


def render_templates():
    vectors, aspects, digits = [], [], []
    for font_name in FONTS:
        path = os.path.join(FONT_DIR, font_name)
        if not os.path.exists(path):
            continue
        for size in PIXEL_SIZES:
            font = ImageFont.truetype(path, size)
            for d in "0123456789":
                canvas = Image.new("L", (size * 2, size * 2), 0)
                ImageDraw.Draw(canvas).text((size // 2, size // 4), d, fill=255, font=font)
                for angle in ANGLES:
                    ink = np.asarray(canvas.rotate(angle, resample=Image.BILINEAR)) >= 128
                    v, aspect = normalised(ink)
                    if v is None:
                        continue
                    vectors.append(v)
                    aspects.append(aspect)
                    digits.append(int(d))
    return np.array(vectors), np.array(aspects), np.array(digits)


class Matcher:
    def __init__(self):
        self.vectors, self.aspects, self.digits = render_templates()
        self.log_aspects = np.log(self.aspects)

    def best(self, ink):
        """(digit, score) of the template closest to this ink map."""
        v, aspect = normalised(ink)
        if v is None:
            return 0, -9.0
        scores = self.vectors @ v - 0.5 * np.abs(self.log_aspects - math.log(aspect))
        i = int(np.argmax(scores))
        return int(self.digits[i]), float(scores[i])


def split_span(ink, x0, x1, parts):
    """Cuts columns x0..x1 into `parts` pieces, each cut at the emptiest column near the even cut."""
    profile = ink[:, x0:x1 + 1].sum(axis=0)
    width = x1 - x0 + 1
    cuts, previous = [], 0
    for k in range(1, parts):
        even = round(k * width / parts)
        window = max(1, width // (parts * 4))
        lo, hi = max(previous + 2, even - window), min(width - 2, even + window)
        cut = even if lo > hi else lo + int(np.argmin(profile[lo:hi + 1]))
        cuts.append(cut)
        previous = cut
    edges = [0] + cuts + [width]
    return [(x0 + a, x0 + b - 1) for a, b in zip(edges, edges[1:]) if b > a]


def segments(ink, count=4):
    """Column spans of `count` glyphs: connected components, merged or split as needed."""
    spans = []
    for ys, xs in components(ink):
        if len(ys) < 20 or ys.max() - ys.min() < 8:
            continue  # specks and line fragments
        spans.append([int(xs.min()), int(xs.max()), len(ys)])
    spans.sort()
    # Pieces of one glyph (a broken stroke) overlap in x: merge the most overlapping pairs.
    while len(spans) > count:
        best, best_i = None, None
        for i in range(len(spans) - 1):
            a, b = spans[i], spans[i + 1]
            overlap = min(a[1], b[1]) - max(a[0], b[0])
            gap_cost = -overlap + 0.02 * min(a[2], b[2])
            if best is None or gap_cost < best:
                best, best_i = gap_cost, i
        a, b = spans[best_i], spans.pop(best_i + 1)
        spans[best_i] = [min(a[0], b[0]), max(a[1], b[1]), a[2] + b[2]]
    if not spans:
        return []
    # Touching glyphs form wide components: share the missing glyphs out by width.
    while len(spans) < count:
        missing = count - len(spans)
        widths = [s[1] - s[0] + 1 for s in spans]
        i = int(np.argmax(widths))
        typical = sum(widths) / count
        parts = min(missing + 1, max(2, round(widths[i] / typical)))
        s = spans.pop(i)
        for j, (a, b) in enumerate(split_span(ink, s[0], s[1], parts)):
            spans.insert(i + j, [a, b, 0])
    return [(s[0], s[1]) for s in spans]


def read_with_templates(ink, matcher):
    spans = segments(ink)
    if len(spans) != 4:
        return "", -9.0
    text, total = "", 0.0
    for a, b in spans:
        d, score = matcher.best(ink[:, a:b + 1])
        text += str(d)
        total += score
    return text, total / 4


def template_guess(path, matcher):
    """The best reading over a few clean-ups an attacker would try, judged by match quality."""
    g = gray(path)
    ink = g <= otsu(g)
    opened = dilate(erode(ink))  # strips lines and dots up to two pixels thick
    opened_twice = dilate(dilate(erode(erode(ink))))  # and up to four: bold strokes survive
    candidates = [read_with_templates(v, matcher) for v in (ink, opened, opened_twice)]
    return max(candidates, key=lambda c: c[1])[0]


def attack_templates(directory, answers):
    matcher = Matcher()
    guesses = [template_guess(os.path.join(directory, name), matcher) for name, _ in answers]
    return sum(g == a for g, (_, a) in zip(guesses, answers)), guesses


def main():
    directory = sys.argv[1]
    attacks = sys.argv[2:] or ["tesseract", "templates"]
    answers = load_answers(directory)
    n = len(answers)
    for attack in attacks:
        if attack == "tesseract":
            for psm in (7, 8):
                solved, _ = attack_tesseract(directory, answers, psm)
                print(f"(a) tesseract --psm {psm}, digits only, threshold+median+3x: "
                      f"{solved}/{n} solved = {100.0 * solved / n:.1f}%", flush=True)
        elif attack == "templates":
            solved, guesses = attack_templates(directory, answers)
            digits = sum(sum(x == y for x, y in zip(g, a)) for g, (_, a) in zip(guesses, answers))
            print(f"(b) segmentation + templates ({len(FONTS)} fonts x {len(PIXEL_SIZES)} sizes x "
                  f"{len(ANGLES)} angles): {solved}/{n} solved = {100.0 * solved / n:.1f}% "
                  f"({100.0 * digits / (4 * n):.1f}% of digits in place)", flush=True)
        else:
            sys.exit(f"unknown attack {attack}")


if __name__ == "__main__":
    main()
