"""Entry point: python3 -m kfp.dsl.executor_main --executor_input JSON --function_to_execute NAME
[--component_module_path FILE]."""

import sys

from kfp.dsl.executor import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
