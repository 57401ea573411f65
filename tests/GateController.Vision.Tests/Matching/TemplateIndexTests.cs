using GateController.Core.Residents;
using GateController.Vision.Matching;
using static GateController.Vision.Tests.Matching.TemplateIndexExactnessTests;

namespace GateController.Vision.Tests.Matching;

public sealed class TemplateIndexTests
{
    private readonly Random _random = new(42);

    [Fact]
    public void FindNearest_EmptyIndex_ReturnsNoMatch()
    {
        using var index = new TemplateIndex();
        var found = index.FindNearest(RandomEmbeddings.Unit(_random));
        Assert.Null(found.Best);
        Assert.Null(found.SecondBest);
    }

    [Fact]
    public void FindNearest_ExactCopyOfTemplate_ScoresNearlyOne()
    {
        using var index = new TemplateIndex();
        var embeddings = Enumerable.Range(0, 50).Select(_ => RandomEmbeddings.Unit(_random)).ToArray();
        for (var i = 0; i < embeddings.Length; i++)
        {
            index.Add(Resident(i), new TemplateId(i), embeddings[i]);
        }

        var found = index.FindNearest(embeddings[17]);
        Assert.Equal(Resident(17), found.Best!.Value.Resident);
        Assert.Equal(new TemplateId(17), found.Best.Value.Template);
        Assert.InRange(found.Best.Value.Score, 0.9999, 1.0001);
        Assert.NotEqual(Resident(17), found.SecondBest!.Value.Resident);
    }

    [Fact]
    public void Add_UnnormalisedEmbedding_IsNormalisedForCosine()
    {
        using var index = new TemplateIndex();
        var embedding = RandomEmbeddings.Unit(_random);
        index.Add(Resident(1), new TemplateId(1), embedding.Select(v => v * 37.5f).ToArray());
        Assert.InRange(index.ScoreResident(Resident(1), embedding.Select(v => v * 0.01f).ToArray())!.Value, 0.9999, 1.0001);
    }

    [Fact]
    public void Add_SameTemplateTwice_Throws()
    {
        using var index = new TemplateIndex();
        index.Add(Resident(1), new TemplateId(1), RandomEmbeddings.Unit(_random));
        Assert.Throws<ArgumentException>(() => index.Add(Resident(1), new TemplateId(1), RandomEmbeddings.Unit(_random)));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void AddOrReplace_ExistingTemplate_ReplacesEmbedding()
    {
        using var index = new TemplateIndex();
        var first = RandomEmbeddings.Unit(_random);
        var second = RandomEmbeddings.Unit(_random);
        Assert.False(index.AddOrReplace(Resident(1), new TemplateId(9), first));
        Assert.True(index.AddOrReplace(Resident(1), new TemplateId(9), second));
        Assert.Equal(1, index.Count);
        Assert.InRange(index.ScoreResident(Resident(1), second)!.Value, 0.9999, 1.0001);
        Assert.InRange(index.ScoreResident(Resident(1), first)!.Value, -0.3, 0.3);
    }

    [Fact]
    public void Remove_Template_IsNoLongerFoundAndMemoryIsZeroed()
    {
        using var index = new TemplateIndex();
        var embeddings = Enumerable.Range(0, 40).Select(_ => RandomEmbeddings.Unit(_random)).ToArray();
        for (var i = 0; i < embeddings.Length; i++)
        {
            index.Add(Resident(i), new TemplateId(i), embeddings[i]);
        }

        Assert.True(index.Remove(Resident(5), new TemplateId(5)));
        Assert.False(index.Remove(Resident(5), new TemplateId(5)));
        Assert.False(index.Contains(Resident(5), new TemplateId(5)));
        Assert.Equal(39, index.Count);
        Assert.NotEqual(Resident(5), index.FindNearest(embeddings[5]).Best!.Value.Resident);
        Assert.Null(index.ScoreResident(Resident(5), embeddings[5]));
        Assert.Equal(0, index.NonZeroBytesBeyondCount());

        // The template moved into the freed slot is still found exactly.
        Assert.Equal(Resident(39), index.FindNearest(embeddings[39]).Best!.Value.Resident);
        Assert.InRange(index.FindNearest(embeddings[39]).Best!.Value.Score, 0.9999, 1.0001);
    }

    [Fact]
    public void RemoveResident_SeveralTemplates_RemovesAllAndZeroesMemory()
    {
        using var index = new TemplateIndex();
        var resident = Resident(3);
        for (var i = 0; i < 1100; i++)
        {
            index.Add(i % 3 == 0 ? resident : Resident(1000 + i), new TemplateId(i), RandomEmbeddings.Unit(_random));
        }

        Assert.Equal(367, index.RemoveResident(resident));
        Assert.Equal(0, index.RemoveResident(resident));
        Assert.Equal(733, index.Count);
        Assert.Equal(733, index.ResidentCount);
        Assert.Null(index.ScoreResident(resident, RandomEmbeddings.Unit(_random)));
        Assert.Equal(0, index.NonZeroBytesBeyondCount());
    }

    [Fact]
    public void AddAndRemove_RandomOperations_MatchSimpleModel()
    {
        using var index = new TemplateIndex();
        var model = new Dictionary<(int Resident, int Template), float[]>();
        for (var step = 0; step < 3000; step++)
        {
            var resident = _random.Next(40);
            var template = _random.Next(6);
            var action = _random.Next(10);
            if (action < 5)
            {
                var e = RandomEmbeddings.Unit(_random);
                Assert.Equal(model.ContainsKey((resident, template)), index.AddOrReplace(Resident(resident), new TemplateId(template), e));
                model[(resident, template)] = e;
            }
            else if (action < 9)
            {
                Assert.Equal(model.Remove((resident, template)), index.Remove(Resident(resident), new TemplateId(template)));
            }
            else
            {
                var expected = model.Keys.Count(k => k.Resident == resident);
                foreach (var key in model.Keys.Where(k => k.Resident == resident).ToList())
                {
                    model.Remove(key);
                }

                Assert.Equal(expected, index.RemoveResident(Resident(resident)));
            }
        }

        Assert.Equal(model.Count, index.Count);
        Assert.Equal(model.Keys.Select(k => k.Resident).Distinct().Count(), index.ResidentCount);
        Assert.Equal(0, index.NonZeroBytesBeyondCount());
        foreach (var ((resident, template), embedding) in model)
        {
            Assert.True(index.Contains(Resident(resident), new TemplateId(template)));
            Assert.InRange(index.ScoreResident(Resident(resident), embedding)!.Value, 0.9999, 1.0001);
        }
    }

    [Fact]
    public void Add_ManyTemplatesOfOneResident_EachHeldOnceAndFoundAfterRemovals()
    {
        using var index = new TemplateIndex();
        var resident = Resident(1);
        var embeddings = Enumerable.Range(0, 2000).Select(_ => RandomEmbeddings.Unit(_random)).ToArray();
        for (var t = 0; t < embeddings.Length; t++)
        {
            index.Add(resident, new TemplateId(t), embeddings[t]);
        }

        for (var t = 0; t < embeddings.Length; t += 3)
        {
            Assert.True(index.Remove(resident, new TemplateId(t)));
        }

        var kept = Enumerable.Range(0, embeddings.Length).Where(t => t % 3 != 0).ToArray();
        Assert.Equal(kept.Length, index.Count);
        Assert.All(kept, t => Assert.True(index.Contains(resident, new TemplateId(t))));
        Assert.All(kept, t => Assert.Throws<ArgumentException>(() => index.Add(resident, new TemplateId(t), embeddings[t])));
        Assert.False(index.Contains(resident, new TemplateId(0)));
        Assert.False(index.Contains(Resident(2), new TemplateId(1)));
        var found = index.FindNearest(embeddings[kept[^1]]);
        Assert.Equal(new TemplateId(kept[^1]), found.Best!.Value.Template);
        Assert.Equal(kept.Length, index.RemoveResident(resident));
        Assert.Equal(0, index.NonZeroBytesBeyondCount());
    }

    [Fact]
    public void Clear_Populated_EmptiesIndex()
    {
        using var index = new TemplateIndex();
        for (var i = 0; i < 10; i++)
        {
            index.Add(Resident(i), new TemplateId(i), RandomEmbeddings.Unit(_random));
        }

        index.Clear();
        Assert.Equal(0, index.Count);
        Assert.Null(index.FindNearest(RandomEmbeddings.Unit(_random)).Best);
    }

    public static TheoryData<int, float> BadEmbeddings => new()
    {
        { 511, 0.1f },
        { 513, 0.1f },
        { 512, float.NaN },
        { 512, float.PositiveInfinity },
        { 512, 0f },
    };

    [Theory]
    [MemberData(nameof(BadEmbeddings))]
    public void Add_BadEmbedding_ThrowsArgumentException(int length, float value)
    {
        using var index = new TemplateIndex();
        var embedding = Enumerable.Repeat(0.05f, length).ToArray();
        embedding[0] = value;
        if (value == 0f)
        {
            Array.Clear(embedding);
        }

        Assert.Throws<ArgumentException>(() => index.Add(Resident(1), new TemplateId(1), embedding));
        Assert.Throws<ArgumentException>(() => index.FindNearest(embedding));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public async Task FindNearest_ConcurrentWithAddsAndRemoves_AlwaysFindsStableResidents()
    {
        using var index = new TemplateIndex();
        var stable = Enumerable.Range(0, 100).Select(_ => RandomEmbeddings.Unit(_random)).ToArray();
        for (var i = 0; i < stable.Length; i++)
        {
            index.Add(Resident(i), new TemplateId(i), stable[i]);
        }

        var churn = Enumerable.Range(0, 200).Select(_ => RandomEmbeddings.Unit(_random)).ToArray();
        var writer = Task.Run(() =>
        {
            for (var round = 0; round < 20; round++)
            {
                for (var i = 0; i < churn.Length; i++)
                {
                    index.Add(Resident(10_000 + i), new TemplateId(10_000 + i), churn[i]);
                }

                for (var i = 0; i < churn.Length; i++)
                {
                    index.Remove(Resident(10_000 + i), new TemplateId(10_000 + i));
                }
            }
        });
        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(() =>
        {
            for (var i = 0; i < 600; i++)
            {
                var k = (i * 7 + r) % stable.Length;
                var found = index.FindNearest(stable[k]);
                Assert.Equal(Resident(k), found.Best!.Value.Resident);
            }
        })).ToArray();
        await Task.WhenAll([writer, .. readers]);
        Assert.Equal(100, index.Count);
        Assert.Equal(0, index.NonZeroBytesBeyondCount());
    }

    [Fact]
    public void Options_Invalid_ReportsEverySetting()
    {
        var problems = new TemplateIndexOptions { MaximumDegreeOfParallelism = 0, ParallelMinimumTemplates = 0 }.Validate();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains(nameof(TemplateIndexOptions.MaximumDegreeOfParallelism), StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(nameof(TemplateIndexOptions.ParallelMinimumTemplates), StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new TemplateIndex(new TemplateIndexOptions { MaximumDegreeOfParallelism = 0 }));
    }

    [Fact]
    public void BytesPerTemplate_IsWithinOneKilobyte()
    {
        Assert.Equal(900, TemplateIndex.BytesPerTemplate);
    }
}
