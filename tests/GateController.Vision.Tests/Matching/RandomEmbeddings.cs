namespace GateController.Vision.Tests.Matching;

internal static class RandomEmbeddings
{
    public static float[] Unit(Random random, int length = 512)
    {
        var values = new float[length];
        double sum = 0;
        for (var i = 0; i < length; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var g = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            values[i] = (float)g;
            sum += g * g;
        }

        var inverse = 1 / Math.Sqrt(sum);
        for (var i = 0; i < length; i++)
        {
            values[i] = (float)(values[i] * inverse);
        }

        return values;
    }

    public static float[] Noisy(Random random, float[] source, double noise)
    {
        var n = Unit(random, source.Length);
        var mixed = new float[source.Length];
        for (var i = 0; i < source.Length; i++)
        {
            mixed[i] = (float)(source[i] + (noise * n[i]));
        }

        return Normalise(mixed);
    }

    public static float[] Normalise(float[] values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += (double)v * v;
        }

        var inverse = 1 / Math.Sqrt(sum);
        return values.Select(v => (float)(v * inverse)).ToArray();
    }

    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }
}
