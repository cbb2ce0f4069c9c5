using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Parley.Agents.Boa;

/// <summary>
/// The error function for hot loops: erf on [−6, 6] by cubic Hermite interpolation between 3 073 nodes 1/256 apart
/// (node values and slopes 2/√π·e^(−x²) from Math.NET's erf), ±1 beyond — absolute error below 1e-11 — as fast as a table
/// lookup. (IAMhaggler2011 evaluates it some 300 000 times per negotiation.)
/// </summary>
public static class ErrorFunction
{
    private const double Limit = 6.0;

    /// <summary>At and beyond ± this, <see cref="Erf(double)"/> is exactly ±1.</summary>
    public const double SaturatesBeyond = Limit;
    private const int PerUnit = 256;
    private static readonly double[] Values, Slopes;

    /// <summary>Per interval i: value and slope at node i, value and slope at node i + 1 (one 32-byte load per lane).</summary>
    private static readonly double[] Intervals;

    static ErrorFunction()
    {
        int nodes = (int)(2 * Limit * PerUnit) + 1;
        Values = new double[nodes];
        Slopes = new double[nodes];
        for (int i = 0; i < nodes; i++)
        {
            double x = -Limit + i / (double)PerUnit;
            Values[i] = MathNet.Numerics.SpecialFunctions.Erf(x);
            Slopes[i] = 2.0 / Math.Sqrt(Math.PI) * Math.Exp(-x * x) / PerUnit; // per node spacing
        }
        Intervals = new double[4 * (nodes - 1)];
        for (int i = 0; i < nodes - 1; i++)
        {
            Intervals[4 * i] = Values[i];
            Intervals[4 * i + 1] = Slopes[i];
            Intervals[4 * i + 2] = Values[i + 1];
            Intervals[4 * i + 3] = Slopes[i + 1];
        }
    }

    /// <summary>erf(<paramref name="x"/>): ±1 beyond ±6 (as IAMhaggler's wrapper), NaN for NaN.</summary>
    public static double Erf(double x)
    {
        if (x >= Limit) return 1.0;
        if (x <= -Limit) return -1.0;
        if (double.IsNaN(x)) return double.NaN;
        double position = (x + Limit) * PerUnit;
        int i = (int)position;
        double t = position - i, t2 = t * t, t3 = t2 * t;
        double v = (2 * t3 - 3 * t2 + 1) * Values[i] + (t3 - 2 * t2 + t) * Slopes[i]
                 + (-2 * t3 + 3 * t2) * Values[i + 1] + (t3 - t2) * Slopes[i + 1];
        return v > 1 ? 1 : v < -1 ? -1 : v;
    }

    /// <summary>
    /// <see cref="Erf(double)"/> of every <paramref name="x"/> into <paramref name="result"/> (same length), bit for bit
    /// the same values: the interpolation runs four lanes at a time where all four lie strictly within ±6.
    /// </summary>
    public static void Erf(ReadOnlySpan<double> x, Span<double> result)
    {
        if (result.Length < x.Length) throw new ArgumentException("result is shorter than x", nameof(result));
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; j + 4 <= x.Length; j += 4) Erf(Vector256.Create(x.Slice(j, 4))).CopyTo(result.Slice(j, 4));
        for (; j < x.Length; j++) result[j] = Erf(x[j]);
    }

    /// <summary><see cref="Erf(double)"/> of each lane, bit for bit (the interpolation runs on all four lanes at once where all lie strictly within ±6).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Erf(Vector256<double> x)
    {
        if (Vector256.LessThanAll(Vector256.Abs(x), Vector256.Create(Limit))) return ErfWithin(x);
        return Vector256.Create(Erf(x.GetElement(0)), Erf(x.GetElement(1)), Erf(x.GetElement(2)), Erf(x.GetElement(3)));
    }

    /// <summary>The interpolation of <see cref="Erf(double)"/> on four lanes that all lie strictly within ±6 (the same operations in the same order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ErfWithin(Vector256<double> x)
    {
        var one = Vector256.Create(1.0);
        var two = Vector256.Create(2.0);
        var three = Vector256.Create(3.0);
        var position = (x + Vector256.Create(Limit)) * Vector256.Create((double)PerUnit);
        Vector256<double> t, v0, s0, v1, s1;
        if (Avx.IsSupported)
        {
            // Truncation as the scalar (int) cast; the four intervals are loaded whole and transposed.
            var index = Avx.ConvertToVector128Int32WithTruncation(position);
            t = position - Avx.ConvertToVector256Double(index);
            ref double table = ref MemoryMarshal.GetArrayDataReference(Intervals);
            var r0 = Vector256.LoadUnsafe(ref table, (nuint)(4 * index.GetElement(0)));
            var r1 = Vector256.LoadUnsafe(ref table, (nuint)(4 * index.GetElement(1)));
            var r2 = Vector256.LoadUnsafe(ref table, (nuint)(4 * index.GetElement(2)));
            var r3 = Vector256.LoadUnsafe(ref table, (nuint)(4 * index.GetElement(3)));
            var a = Avx.UnpackLow(r0, r1);   // v0 of lanes 0, 1 | v1 of lanes 0, 1
            var b = Avx.UnpackHigh(r0, r1);  // s0 of lanes 0, 1 | s1 of lanes 0, 1
            var c = Avx.UnpackLow(r2, r3);
            var d = Avx.UnpackHigh(r2, r3);
            v0 = Avx.Permute2x128(a, c, 0x20);
            s0 = Avx.Permute2x128(b, d, 0x20);
            v1 = Avx.Permute2x128(a, c, 0x31);
            s1 = Avx.Permute2x128(b, d, 0x31);
        }
        else
        {
            int i0 = (int)position.GetElement(0), i1 = (int)position.GetElement(1), i2 = (int)position.GetElement(2), i3 = (int)position.GetElement(3);
            t = position - Vector256.Create((double)i0, i1, i2, i3);
            v0 = Vector256.Create(Values[i0], Values[i1], Values[i2], Values[i3]);
            s0 = Vector256.Create(Slopes[i0], Slopes[i1], Slopes[i2], Slopes[i3]);
            v1 = Vector256.Create(Values[i0 + 1], Values[i1 + 1], Values[i2 + 1], Values[i3 + 1]);
            s1 = Vector256.Create(Slopes[i0 + 1], Slopes[i1 + 1], Slopes[i2 + 1], Slopes[i3 + 1]);
        }
        var t2 = t * t;
        var t3 = t2 * t;
        var v = (two * t3 - three * t2 + one) * v0 + (t3 - two * t2 + t) * s0
              + (Vector256.Create(-2.0) * t3 + three * t2) * v1 + (t3 - t2) * s1;
        // Within ±6 v is never NaN, so x86's min/max (the second operand unless the first is smaller/larger) clamp as
        // the scalar comparisons do, −0 included.
        if (Avx.IsSupported) return Avx.Max(Avx.Min(v, one), Vector256.Create(-1.0));
        return Vector256.Max(Vector256.Min(v, one), Vector256.Create(-1.0));
    }
}
