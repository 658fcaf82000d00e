/* placeholder until the command table lands */
#include "config.h"
int main(void) { return 0; }
