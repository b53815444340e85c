"""asyncio: coroutines, tasks and an event loop (the loop itself is in C,
module _asyncio)."""

from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .locks import *
from .queues import *
from .runners import *
from .tasks import *
from .taskgroups import *
from .timeouts import *

__all__ = (base_events.__all__ + coroutines.__all__ + events.__all__ + exceptions.__all__ +
           futures.__all__ + locks.__all__ + queues.__all__ + runners.__all__ + tasks.__all__ +
           taskgroups.__all__ + timeouts.__all__)
