import (sys
