using System.Globalization;
using GateController.Core.Residents;
using GateController.Vision.Face;
using GateController.Vision.Matching;
using Xunit.Abstractions;

namespace GateController.Vision.Tests.Face;

/// <summary>
/// Measured accuracy on real photos: the 22 faces of the six demo photos, each enrolled from its photo and probed with
/// augmented copies of its surroundings; impostor pairs are every probe against every other person's template.
/// </summary>
public sealed class AccuracyTests(AccuracyFixture fixture, ITestOutputHelper output) : IClassFixture<AccuracyFixture>
{
    /// <summary>The cosine-similarity threshold under test (FaceMatcherOptions.Threshold).</summary>
    public const double Threshold = 0.70;

    [Fact]
    public void Detect_SamplePhotos_FindsEveryFaceAndNothingElse()
    {
        var found = 0;
        for (var photo = 0; photo < SamplePhotoFaces.Centres.Count; photo++)
        {
            var centres = SamplePhotoFaces.Centres[photo];
            var faces = fixture.Detections[photo];
            output.WriteLine($"sample{photo + 1}.jpg: {faces.Count} detected, {centres.Length} in the ground truth; scores {string.Join(" ", faces.Select(face => face.Score.ToString("0.000", CultureInfo.InvariantCulture)))}");
            foreach (var face in faces)
            {
                Assert.Equal(1, centres.Count(centre => AccuracyFixture.Contains(face, centre)));
            }

            foreach (var centre in centres)
            {
                Assert.Equal(1, faces.Count(face => AccuracyFixture.Contains(face, centre)));
            }

            found += faces.Count;
        }

        Assert.Equal(22, SamplePhotoFaces.Count);
        Assert.Equal(SamplePhotoFaces.Count, found);
    }

    [Fact]
    public void GenuineAndImpostorPairs_AtThreshold_FalseRejectsAtMostTwoPercentAndNoFalseAccept()
    {
        var (genuine, failures, impostor) = Scores();
        var genuineCount = genuine.Count + failures;
        var falseRejects = genuine.Count(score => score < Threshold) + failures;
        var falseAccepts = impostor.Count(score => score >= Threshold);
        var frr = (double)falseRejects / genuineCount;
        var far = (double)falseAccepts / impostor.Count;
        var (eer, eerThreshold) = EqualErrorRate(genuine, failures, impostor);

        output.WriteLine($"genuine pairs {genuineCount} ({failures} probes without a template), impostor pairs {impostor.Count}");
        output.WriteLine($"genuine scores: min {genuine.Min():0.000}, mean {genuine.Average():0.000}; impostor scores: max {impostor.Max():0.000}, mean {impostor.Average():0.000}");
        output.WriteLine($"threshold {Threshold:0.00}: FRR {frr:P2} ({falseRejects}/{genuineCount}), FAR {far:P3} ({falseAccepts}/{impostor.Count})");
        output.WriteLine($"EER {eer:P2} at threshold {eerThreshold:0.000}");
        var impostorModel = ImpostorScoreModel.FromScores([.. impostor]);
        output.WriteLine(
            $"impostor model: mean {impostorModel.Mean:0.000}, sd {impostorModel.StandardDeviation:0.000}; threshold for a 0.1 % system FAR over 22 templates "
            + $"{MatchThreshold.ForFalseAcceptRate(impostorModel, 0.001, fixture.Enrolled.Count):0.000}");
        for (var augmentation = 0; augmentation < AccuracyFixture.AugmentationNames.Count; augmentation++)
        {
            var probes = fixture.Probes.Where(probe => probe.Augmentation == augmentation).ToList();
            var rejected = probes.Count(probe => probe.Embedding is null || Cosine(probe.Embedding, fixture.Enrolled[probe.Person]) < Threshold);
            var lowest = probes.Where(probe => probe.Embedding is not null).Select(probe => Cosine(probe.Embedding!, fixture.Enrolled[probe.Person])).DefaultIfEmpty(double.NaN).Min();
            output.WriteLine($"  {AccuracyFixture.AugmentationNames[augmentation]}: {rejected}/{probes.Count} rejected, lowest genuine {lowest:0.000}");
        }

        var highest = fixture.Probes.Where(probe => probe.Embedding is not null)
            .SelectMany(probe => Enumerable.Range(0, fixture.Enrolled.Count).Where(person => person != probe.Person)
                .Select(person => (Probe: probe, Person: person, Score: Cosine(probe.Embedding!, fixture.Enrolled[person]))))
            .OrderByDescending(pair => pair.Score).Take(5);
        foreach (var (probe, person, score) in highest)
        {
            output.WriteLine($"  impostor {score:0.000}: face {probe.Person} ({AccuracyFixture.AugmentationNames[probe.Augmentation]}) against face {person}");
        }

        foreach (var (probe, score) in fixture.Probes.Where(probe => probe.Embedding is not null)
            .Select(probe => (Probe: probe, Score: Cosine(probe.Embedding!, fixture.Enrolled[probe.Person]))).OrderBy(pair => pair.Score).Take(5))
        {
            output.WriteLine($"  genuine {score:0.000}: face {probe.Person} ({AccuracyFixture.AugmentationNames[probe.Augmentation]})");
        }

        foreach (var probe in fixture.Probes.Where(probe => probe.Embedding is null))
        {
            output.WriteLine($"  no template: face {probe.Person}, {AccuracyFixture.AugmentationNames[probe.Augmentation]}: {probe.Failure}");
        }

        Assert.True(frr <= 0.02, $"FRR {frr:P2} is above 2 %");
        Assert.Equal(0, falseAccepts);
    }

    [Fact]
    public void Identify_AugmentedProbesAgainstAllResidents_NeverNamesTheWrongResident()
    {
        using var index = new TemplateIndex();
        for (var person = 0; person < fixture.Enrolled.Count; person++)
        {
            index.Add(Resident(person), new TemplateId(person + 1), fixture.Enrolled[person]);
        }

        var matcher = new FaceMatcher(index, new FaceMatcherOptions { Threshold = Threshold });
        int identified = 0, wrong = 0, total = 0;
        foreach (var probe in fixture.Probes.Where(probe => probe.Embedding is not null))
        {
            total++;
            var result = matcher.Identify(probe.Embedding);
            if (result.Identified)
            {
                identified++;
                wrong += result.Resident == Resident(probe.Person) ? 0 : 1;
            }
        }

        output.WriteLine($"1:N over {fixture.Enrolled.Count} residents at threshold {Threshold:0.00}, margin {matcher.Margin:0.00}: {identified}/{total} identified, {wrong} wrongly");
        Assert.Equal(0, wrong);
        Assert.True(identified >= 0.98 * fixture.Probes.Count, $"only {identified} of {fixture.Probes.Count} probes identified");
    }

    [Fact]
    public void Liveness_RealFacesInPhotos_ScoresReported()
    {
        var scores = fixture.LivenessScores;
        for (var person = 0; person < scores.Count; person++)
        {
            var rejections = fixture.DefaultGateRejections[person];
            output.WriteLine($"face {person,2}: liveness {scores[person]:0.000}; default quality gate: {(rejections.Count == 0 ? "accepted" : string.Join(", ", rejections))}");
        }

        var defaultThreshold = new FacePipelineOptions().LivenessThreshold;
        var passing = scores.Count(score => score >= defaultThreshold);
        output.WriteLine($"{passing}/{scores.Count} real faces reach the default liveness threshold {defaultThreshold:0.00}");
        var replays = fixture.ReplayLivenessScores;
        output.WriteLine($"simulated screen replays: {string.Join(" ", replays.Select(score => score?.ToString("0.000", CultureInfo.InvariantCulture) ?? "no-face"))}");
        output.WriteLine($"{replays.Count(score => score >= defaultThreshold)}/{replays.Count} simulated screen replays reach the threshold (a pass is a false accept of a spoof)");
        Assert.Equal(SamplePhotoFaces.Count, replays.Count);
        Assert.All(replays.Where(score => score is not null), score => Assert.InRange(score!.Value, 0, 1));
        Assert.Equal(SamplePhotoFaces.Count, scores.Count);
        Assert.All(scores, score => Assert.InRange(score, 0, 1));
        Assert.True(passing > scores.Count / 2, $"only {passing} of {scores.Count} real faces pass liveness");
    }

    [Fact]
    public void Landmarks_SampleFaces_EyesAboveNoseAboveMouthInsideTheBox()
    {
        for (var person = 0; person < fixture.EnrolledLandmarks.Count; person++)
        {
            var box = fixture.EnrolledBoxes[person];
            var points = fixture.EnrolledLandmarks[person];
            var eyeLevel = (points.LeftEye.Y + points.RightEye.Y) / 2;
            var mouthLevel = (points.LeftMouth.Y + points.RightMouth.Y) / 2;
            Assert.All(points.ToArray(), point => Assert.True(AccuracyFixture.Contains(box, point), $"face {person}: {point} outside the box"));
            Assert.True(eyeLevel < box.Top + (0.6 * box.Height), $"face {person}: eyes at {eyeLevel} not in the upper part of {box}");
            Assert.True(mouthLevel > box.Top + (0.55 * box.Height), $"face {person}: mouth at {mouthLevel} not in the lower part of {box}");
            Assert.True(eyeLevel < points.Nose.Y && points.Nose.Y < mouthLevel, $"face {person}: nose not between eyes and mouth");
            Assert.True(points.LeftEye.X < points.RightEye.X && points.LeftMouth.X < points.RightMouth.X, $"face {person}: left and right swapped");
        }
    }

    private static ResidentId Resident(int person) => ResidentId.Parse($"R{person + 1}");

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static (double Rate, double Threshold) EqualErrorRate(List<double> genuine, int failures, List<double> impostor)
    {
        var best = (Rate: 1.0, Threshold: 0.0, Gap: double.MaxValue);
        foreach (var threshold in genuine.Concat(impostor).Order())
        {
            var frr = (double)(genuine.Count(score => score < threshold) + failures) / (genuine.Count + failures);
            var far = (double)impostor.Count(score => score >= threshold) / impostor.Count;
            if (Math.Abs(frr - far) < best.Gap)
            {
                best = ((frr + far) / 2, threshold, Math.Abs(frr - far));
            }
        }

        return (best.Rate, best.Threshold);
    }

    private (List<double> Genuine, int Failures, List<double> Impostor) Scores()
    {
        var genuine = new List<double>();
        var impostor = new List<double>();
        var failures = 0;
        foreach (var probe in fixture.Probes)
        {
            if (probe.Embedding is null)
            {
                failures++;
                continue;
            }

            for (var person = 0; person < fixture.Enrolled.Count; person++)
            {
                (person == probe.Person ? genuine : impostor).Add(Cosine(probe.Embedding, fixture.Enrolled[person]));
            }
        }

        return (genuine, failures, impostor);
    }
}
