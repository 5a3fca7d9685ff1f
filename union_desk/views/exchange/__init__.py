"""The exchange in the window: the township's export and the city key (menus), the city office's
merge dialog, review queue and city overview (tabs). `install_exchange(window)` is the one entry
point main_window calls."""
