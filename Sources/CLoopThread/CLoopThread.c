#include "CLoopThread.h"

__thread void *_Nullable interleave_bound_loop = 0;
