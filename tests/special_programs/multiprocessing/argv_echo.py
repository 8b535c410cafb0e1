"""Prints its arguments: started with '-c' or '-m' it is stopped by the
fork bomb guard unless compiled with --deployment or
--no-deployment-flag=self-execution."""
import sys

print("arguments", sys.argv[1:])
