"""The staff side of the reception in the Wagtail admin (appeals group and superusers only)."""
