"""Bit images: ``ESC *`` column images (bands joined), ``GS v 0`` raster images and
``GS ( L`` / ``GS 8 L`` stored raster graphics."""

from __future__ import annotations

from PIL import Image

from posapp_devtools.escpos.core import DecoderCore


class GraphicsCommands(DecoderCore):
    """The bit-image commands."""

    def _esc_star(self, i: int) -> int:
        self._need(i, 5)
        buf = self._buf
        m, n = buf[i + 2], buf[i + 3] + 256 * buf[i + 4]
        if m not in (0, 1, 32, 33) or n == 0 or n > 4096:
            self._warn(i, f"invalid ESC * m={m} n={n}")
            return 5
        rows = 24 if m >= 32 else 8
        k = n * rows // 8
        self._need(i, 5 + k)
        data = bytes(buf[i + 5 : i + 5 + k])
        per_col = rows // 8
        img = Image.new("1", (n, rows), 1)
        px = img.load()
        assert px is not None
        for x in range(n):
            for yb in range(per_col):
                byte = data[x * per_col + yb]
                for bit in range(8):
                    if byte & (0x80 >> bit):
                        px[x, yb * 8 + bit] = 0
        sx = 2 if m in (0, 32) else 1
        sy = 3 if m in (0, 1) else 1
        if sx != 1 or sy != 1:
            img = img.resize((n * sx, rows * sy), Image.Resampling.NEAREST)
        if self._line:
            self._finish_line()
        if self._band is not None and self._band.size[1] == img.size[1]:
            joined = Image.new("1", (self._band.size[0] + img.size[0], img.size[1]), 1)
            joined.paste(self._band, (0, 0))
            joined.paste(img, (self._band.size[0], 0))
            img = joined
        self._band = img
        return 5 + k

    def _gs_v0(self, i: int) -> int:
        self._need(i, 8)
        buf = self._buf
        if buf[i + 2] != 0x30:
            self._warn(i, "unknown command GS v (not GS v 0)")
            return 3
        m = buf[i + 3]
        wb, h = buf[i + 4] + 256 * buf[i + 5], buf[i + 6] + 256 * buf[i + 7]
        if m not in (0, 1, 2, 3, 48, 49, 50, 51) or not (1 <= wb <= 255) or h == 0:
            self._warn(i, f"invalid GS v 0 image (mode {m}, {wb} bytes × {h} rows): ignored")
            return 8
        size = wb * h
        self._need(i, 8 + size)
        img = _bits_to_image(bytes(buf[i + 8 : i + 8 + size]), wb * 8, h)
        m &= 3
        if m:
            sx, sy = 2 if m & 1 else 1, 2 if m & 2 else 1
            img = img.resize((img.size[0] * sx, img.size[1] * sy), Image.Resampling.NEAREST)
        self._image(img, "GS v 0")
        return 8 + size

    def _graphics_cmd(self, i: int, body: bytes) -> None:
        if len(body) < 2 or body[0] != 0x30:
            self._warn(i, "invalid graphics command")
            return
        fn = body[1]
        if fn in (2, 50):  # print the stored graphics
            if self._graphics is None:
                self._warn(i, "graphics printed before any was stored")
                return
            img, self._graphics = self._graphics, None
            self._image(img, "GS ( L")
            return
        if fn in (112, 113):  # store raster graphics in the print buffer
            if len(body) < 10:
                self._warn(i, "truncated graphics data")
                return
            a, bx, by = body[2], body[3], body[4]
            w, h = body[6] + 256 * body[7], body[8] + 256 * body[9]
            wb = (w + 7) // 8
            data = body[10:]
            if a != 48 or w == 0 or h == 0 or len(data) < wb * h:
                self._warn(i, f"graphics tone {a} / size {w}x{h} not emulated")
                return
            img = _bits_to_image(data[: wb * h], wb * 8, h).crop((0, 0, w, h))
            if bx == 2 or by == 2:
                img = img.resize((w * (2 if bx == 2 else 1), h * (2 if by == 2 else 1)))
            self._graphics = img
            return
        self._warn(i, f"graphics function {fn} not emulated")


_INVERT = bytes(255 - i for i in range(256))


def _bits_to_image(data: bytes, width: int, height: int) -> Image.Image:
    """Packed rows, MSB first, 1 = dot → a mode "1" image with black dots (PIL: 0 = black)."""
    return Image.frombytes("1", (width, height), data.translate(_INVERT))
