/* A stand-in for Windows' bcryptprimitives.dll, for testing under Wine 8 only (Debian 12's
 * Wine lacks it; Windows 10 and 11 have it). Rust's standard library takes its random bytes
 * from ProcessPrng there; this answers with RtlGenRandom (advapi32's SystemFunction036).
 * packaging/verify-windows.sh compiles it into the test Wine prefix; it is never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
