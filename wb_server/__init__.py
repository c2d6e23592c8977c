"""The reference cloud (``wb-server``): FastAPI over SQLAlchemy; never imports Qt."""
