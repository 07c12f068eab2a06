"""What every CSV upload of staff shares: the file's text whatever the exporting system."""


def decode(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark); older exports are Windows-1251."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251")
