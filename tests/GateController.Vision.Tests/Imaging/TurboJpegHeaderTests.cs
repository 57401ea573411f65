using GateController.Vision.Interop;

namespace GateController.Vision.Tests.Imaging;

/// <summary>Checks the binding's constants and integer widths against turbojpeg.h, compiled with gcc.</summary>
public sealed class TurboJpegHeaderTests
{
    [Fact]
    public void Constants_MatchTurboJpegHeader()
    {
        var output = CHeaderProbe.CompileAndRun("""
            #include <stdio.h>
            #include <turbojpeg.h>
            int main(void) {
              printf("%d %d %d %d %d %d %d %d %d %d %d %zu\n", TJPF_RGB, TJPF_BGR, TJPF_GRAY, TJSAMP_444, TJSAMP_422,
                     TJSAMP_420, TJSAMP_GRAY, TJFLAG_NOREALLOC, TJFLAG_ACCURATEDCT, TJFLAG_STOPONWARNING, TJERR_WARNING,
                     sizeof(unsigned long));
              return 0;
            }
            """).Trim();
        var expected = string.Join(' ',
            TurboJpegNative.PixelFormatRgb, TurboJpegNative.PixelFormatBgr, TurboJpegNative.PixelFormatGray,
            TurboJpegNative.Subsampling444, TurboJpegNative.Subsampling422, TurboJpegNative.Subsampling420,
            TurboJpegNative.SubsamplingGray, TurboJpegNative.FlagNoRealloc, TurboJpegNative.FlagAccurateDct,
            TurboJpegNative.FlagStopOnWarning, TurboJpegNative.ErrorWarning, IntPtr.Size);
        Assert.Equal(expected, output);
    }
}
