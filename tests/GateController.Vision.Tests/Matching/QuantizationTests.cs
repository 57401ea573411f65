using GateController.Vision.Matching;

namespace GateController.Vision.Tests.Matching;

public sealed class QuantizationTests
{
    [Fact]
    public void Quantize_RandomEmbedding_PlanesReassembleRoundedLevels()
    {
        var random = new Random(3);
        var embedding = RandomEmbeddings.Unit(random);
        var normalised = new double[512];
        Assert.True(TemplateQuantizer.TryNormalise(embedding, normalised));
        var coarse = new sbyte[TemplateQuantizer.CoarseBytes];
        var fine = new byte[TemplateQuantizer.FineBytes];
        var scale = TemplateQuantizer.Quantize(normalised, coarse, fine);
        Assert.Equal(normalised.Max(Math.Abs), scale, 6);
        for (var i = 0; i < 512; i++)
        {
            var expected = (int)Math.Round(normalised[i] / scale * TemplateQuantizer.Levels, MidpointRounding.ToEven);
            Assert.Equal(expected, TemplateQuantizer.Level(coarse, fine, i));
        }
    }

    [Theory]
    [InlineData(-8191)]
    [InlineData(-8190)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(8191)]
    public void Quantize_ExtremeLevels_RoundTripThroughPlanes(int level)
    {
        var normalised = new double[512];
        normalised[0] = 1.0;
        normalised[5] = level / 8191.0;
        normalised[6] = -level / 8191.0;
        var coarse = new sbyte[512];
        var fine = new byte[384];
        TemplateQuantizer.Quantize(normalised, coarse, fine);
        Assert.Equal(8191, TemplateQuantizer.Level(coarse, fine, 0));
        Assert.Equal(level, TemplateQuantizer.Level(coarse, fine, 5));
        Assert.Equal(-level, TemplateQuantizer.Level(coarse, fine, 6));
    }

    [Fact]
    public void Dot_Kernels_AgreeWithScalarIncludingExtremes()
    {
        var random = new Random(5);
        for (var round = 0; round < 50; round++)
        {
            var probe = new short[512];
            var template = new sbyte[512];
            for (var i = 0; i < 512; i++)
            {
                probe[i] = round == 0 ? (short)127 : round == 1 ? (short)-127 : (short)random.Next(-127, 128);
                template[i] = round == 0 ? (sbyte)-128 : round == 1 ? (sbyte)-128 : (sbyte)random.Next(-128, 128);
            }

            var expected = 0;
            for (var i = 0; i < 512; i++)
            {
                expected += probe[i] * template[i];
            }

            Assert.Equal(expected, Int8DotProduct.DotVector128(probe, template));
            Assert.Equal(expected, Int8DotProduct.Dot(probe, template));
            if (Int8DotProduct.UsesAvx2)
            {
                Assert.Equal(expected, Int8DotProduct.DotAvx2(probe, template));
            }
        }
    }
}
