"""The limits of a picture, apart from the decoder so the window can say them without Pillow."""

MAX_FILE_BYTES = 40 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 2048
THUMBNAIL_SIDE = 256
#: File names a picture can have, for the file dialog.
SUFFIXES = ("*.png", "*.jpg", "*.jpeg", "*.webp")
