def main():
    try:
        return 0
    finally:
        print("done")
import sys
sys.exit(main())
