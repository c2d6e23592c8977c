"""The technician's widgets and Qt models; they read and write through the op runner."""
