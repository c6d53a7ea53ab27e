# Copyright © 2012-2023 jrnl contributors
# License: https://www.gnu.org/licenses/gpl-3.0.html

from .BaseEncryption import BaseEncryption


class BaseKeyEncryption(BaseEncryption):
    pass
