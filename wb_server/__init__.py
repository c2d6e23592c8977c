"""The reference cloud (``wb-server``): FastAPI over SQLAlchemy; never imports Qt.

Of the client's tree it imports only the wire contract (``wb_desktop.core.protocol``), the
domain rules (``core.domain``) and the storage building blocks both share
(``core.persistence``); its web stack is the install extra ``server`` (see ``web_stack``).
"""
