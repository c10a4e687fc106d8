/* Test-only helper for scripts/windows-check.sh: keeps a file open, as another program
 * (Excel, OneDrive, a virus scanner) does, while Kompas saves over it under Wine.
 *   hold.exe all|nodelete FILE SECONDS
 * "all" shares reading, writing and deleting (what most readers and sync tools allow);
 * "nodelete" shares reading and writing only, so the file cannot be replaced meanwhile.
 * Prints "holding" once the file is open, and lets go after SECONDS.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: hold.exe all|nodelete FILE SECONDS\n");
        return 2;
    }
    DWORD share = FILE_SHARE_READ | FILE_SHARE_WRITE;
    if (strcmp(argv[1], "all") == 0)
        share |= FILE_SHARE_DELETE;
    HANDLE h = CreateFileA(argv[2], GENERIC_READ, share, NULL, OPEN_EXISTING,
                           FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        fprintf(stderr, "hold.exe: cannot open %s (error %lu)\n", argv[2], GetLastError());
        return 1;
    }
    printf("holding\n");
    fflush(stdout);
    Sleep((DWORD)atoi(argv[3]) * 1000);
    CloseHandle(h);
    return 0;
}
