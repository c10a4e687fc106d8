/* A test-only stand-in for Windows' bcryptprimitives.dll, for running kompas.exe under
 * Debian's Wine 8, which has no such DLL. Rust's standard library gets its random numbers
 * (the seeds of HashMap) from ProcessPrng in that DLL; here ProcessPrng asks the older
 * RtlGenRandom (SystemFunction036 in advapi32), which Wine has. Never shipped: Windows 10 and
 * 11 have the real DLL. Built by scripts/windows-check.sh with the same mingw compiler:
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
