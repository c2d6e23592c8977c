"""Photos on a job: import, the camera inbox, thumbnails and the viewer."""
