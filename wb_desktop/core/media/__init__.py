"""Photo import, thumbnails and the watched camera-inbox folder."""
