"""The Qt GUI. It talks to the core only through Controller methods and the Bridge's signals."""
