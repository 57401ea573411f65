using GateController.Core.Residents;
using GateController.Vision.Matching;

namespace GateController.Vision.Tests.Matching;

public sealed class TemplateIndexExactnessTests
{
    [Fact]
    public void FindNearest_TenThousandRandomTemplates_SameBestAsBruteForceFloatSearch()
    {
        var random = new Random(20261127);
        const int GallerySize = 10_000;
        var gallery = new float[GallerySize][];
        using var index = new TemplateIndex();
        for (var i = 0; i < GallerySize; i++)
        {
            gallery[i] = RandomEmbeddings.Unit(random);
            index.Add(Resident(i), new TemplateId(i), gallery[i]);
        }

        var probes = new List<float[]>();
        for (var i = 0; i < 100; i++)
        {
            probes.Add(RandomEmbeddings.Unit(random));
            probes.Add(RandomEmbeddings.Noisy(random, gallery[random.Next(GallerySize)], 0.8 + random.NextDouble()));
        }

        var agreed = 0;
        var nearTies = 0;
        var sameAsFloat = 0;
        foreach (var probe in probes)
        {
            var (bestIndex, bestScore, secondScore) = BruteForce(gallery, probe);
            var found = index.FindNearest(probe);
            Assert.NotNull(found.Best);
            var best = found.Best.Value;
            var returnedFloatScore = RandomEmbeddings.Cosine(gallery[(int)best.Template.Value], probe);
            sameAsFloat += best.Template.Value == bestIndex ? 1 : 0;

            // The stored 14-bit template scores within this bound of the float template.
            var bound = RepresentationBound(probe, gallery[(int)best.Template.Value]) + RepresentationBound(probe, gallery[bestIndex]);
            Assert.InRange(best.Score - returnedFloatScore, -bound, bound);
            if (bestScore - secondScore > bound)
            {
                Assert.Equal(Resident(bestIndex), best.Resident);
                agreed++;
            }
            else
            {
                Assert.True(returnedFloatScore >= bestScore - bound, "a near tie must resolve to one of the tied templates");
                nearTies++;
            }

            Assert.NotNull(found.SecondBest);
            Assert.InRange(found.SecondBest.Value.Score, secondScore - 0.001, secondScore + 0.001);
            Assert.True(found.CandidatesRescored >= 2);
            Assert.True(found.CandidatesRescored < GallerySize / 10, $"rescored {found.CandidatesRescored}");
        }

        Assert.Equal(probes.Count, agreed + nearTies);
        Assert.True(agreed >= probes.Count - 5, $"only {agreed} of {probes.Count} probes had a clear best");
        Assert.Equal(probes.Count, sameAsFloat);
    }

    [Fact]
    public void FindNearest_SeveralTemplatesPerResident_EqualsExhaustiveSearchOfStoredTemplates()
    {
        var random = new Random(7);
        using var index = new TemplateIndex();
        var residents = Enumerable.Range(0, 700).Select(Resident).ToArray();
        var owners = new List<(ResidentId Resident, float[] Embedding)>();
        for (var i = 0; i < 2100; i++)
        {
            var resident = residents[random.Next(residents.Length)];
            var embedding = RandomEmbeddings.Unit(random);
            index.Add(resident, new TemplateId(i), embedding);
            owners.Add((resident, embedding));
        }

        for (var p = 0; p < 60; p++)
        {
            var probe = p % 2 == 0
                ? RandomEmbeddings.Unit(random)
                : RandomEmbeddings.Noisy(random, owners[random.Next(owners.Count)].Embedding, 0.5);
            var exhaustive = residents
                .Select(r => (Resident: r, Score: index.ScoreResident(r, probe)))
                .Where(x => x.Score is not null)
                .OrderByDescending(x => x.Score!.Value)
                .ToArray();
            var found = index.FindNearest(probe);
            Assert.Equal(exhaustive[0].Resident, found.Best!.Value.Resident);
            Assert.Equal(exhaustive[0].Score!.Value, found.Best.Value.Score, 12);
            Assert.Equal(exhaustive[1].Resident, found.SecondBest!.Value.Resident);
            Assert.Equal(exhaustive[1].Score!.Value, found.SecondBest.Value.Score, 12);
        }
    }

    [Fact]
    public void FindNearest_ParallelScan_SameResultAsSingleThread()
    {
        var random = new Random(11);
        using var single = new TemplateIndex();
        using var parallel = new TemplateIndex(new TemplateIndexOptions { MaximumDegreeOfParallelism = 3, ParallelMinimumTemplates = 1 });
        for (var i = 0; i < 5000; i++)
        {
            var e = RandomEmbeddings.Unit(random);
            single.Add(Resident(i % 1700), new TemplateId(i), e);
            parallel.Add(Resident(i % 1700), new TemplateId(i), e);
        }

        for (var p = 0; p < 40; p++)
        {
            var probe = RandomEmbeddings.Unit(random);
            var a = single.FindNearest(probe);
            var b = parallel.FindNearest(probe);
            Assert.Equal(a.Best, b.Best);
            Assert.Equal(a.SecondBest, b.SecondBest);
        }
    }

    internal static ResidentId Resident(int i) => ResidentId.Parse($"R{i:D5}");

    private static (int Index, double Best, double Second) BruteForce(float[][] gallery, float[] probe)
    {
        int bestIndex = -1;
        double best = double.NegativeInfinity, second = double.NegativeInfinity;
        var p = RandomEmbeddings.Normalise(probe);
        for (var i = 0; i < gallery.Length; i++)
        {
            // Gallery embeddings are unit length to float precision; a plain dot product is the cosine.
            var t = gallery[i];
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (var k = 0; k < t.Length; k += 4)
            {
                s0 += (double)p[k] * t[k];
                s1 += (double)p[k + 1] * t[k + 1];
                s2 += (double)p[k + 2] * t[k + 2];
                s3 += (double)p[k + 3] * t[k + 3];
            }

            var score = (s0 + s1) + (s2 + s3);
            if (score > best)
            {
                (second, best, bestIndex) = (best, score, i);
            }
            else if (score > second)
            {
                second = score;
            }
        }

        return (bestIndex, best, second);
    }

    // |p·τ − p·t| ≤ Σ|p_i|·s/(2·8191) with s the template's largest |component|.
    private static double RepresentationBound(float[] probe, float[] template)
    {
        var normalised = RandomEmbeddings.Normalise(probe);
        var l1 = normalised.Sum(v => Math.Abs((double)v));
        var max = template.Max(v => Math.Abs((double)v));
        return (l1 * max / (2 * 8191.0)) + 1e-6;
    }
}
