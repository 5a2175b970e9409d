; Only the built-in libraries can be imported.
(import (scheme base)
        (my library))
