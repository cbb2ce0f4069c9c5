using System.Runtime.Intrinsics;

namespace Parley.Agents.Boa;

/// <summary>
/// The forward discrete wavelet transform GENIUS's BOA framework uses for TheFawkes's opponent model (JWave's
/// Daubechies wavelet of eight coefficients, normalised by √2, applied to the first h values while h ≥ 8, h halving).
/// </summary>
/// <remarks>
/// As JWave does, each level wraps its filter around the end of the h values it transforms and writes h / 2 (rounded
/// down) approximations and as many details: at an odd h the last of the h values becomes 0. The arithmetic is in the
/// original's order, so the coefficients equal GENIUS's to the last bit.
/// </remarks>
public static class DaubechiesWavelet
{
    private const int WaveLength = 8;

    // The scaling (low-pass) filter h0 … h7 divided by √2, and the wavelet (high-pass) filter h7, −h6, h5, −h4, h3, −h2, h1, −h0.
    private static readonly double[] Scales = MakeScales();
    private static readonly double[] Coefficients =
        [Scales[7], -Scales[6], Scales[5], -Scales[4], Scales[3], -Scales[2], Scales[1], -Scales[0]];

    /// <summary>The scaling (low-pass) filter, divided by √2.</summary>
    internal static ReadOnlySpan<double> ScalingFilter => Scales;

    /// <summary>The wavelet (high-pass) filter.</summary>
    internal static ReadOnlySpan<double> WaveletFilter => Coefficients;

    private static double[] MakeScales()
    {
        double[] s = [0.32580343, 1.01094572, 0.8922014, -0.03967503, -0.2645071, 0.0436163, 0.0465036, -0.01498699];
        const double sqrt2 = 1.4142135623730951;
        for (int i = 0; i < s.Length; i++) s[i] /= sqrt2;
        return s;
    }

    /// <summary>
    /// The full forward transform of <paramref name="data"/> in place (JWave's <c>forwardWavelet</c>); <paramref name="scratch"/>
    /// must be at least as long.
    /// </summary>
    public static void Forward(Span<double> data, Span<double> scratch)
    {
        if (scratch.Length < data.Length) throw new ArgumentException("The scratch buffer is shorter than the data.", nameof(scratch));
        double s0 = Scales[0], s1 = Scales[1], s2 = Scales[2], s3 = Scales[3], s4 = Scales[4], s5 = Scales[5], s6 = Scales[6], s7 = Scales[7];
        double c0 = Coefficients[0], c1 = Coefficients[1], c2 = Coefficients[2], c3 = Coefficients[3];
        double c4 = Coefficients[4], c5 = Coefficients[5], c6 = Coefficients[6], c7 = Coefficients[7];
        for (int h = data.Length; h >= WaveLength; h >>= 1)
        {
            var level = scratch[..h];
            level.Clear();
            int half = h >> 1;
            // Away from the end no index wraps: the eight products are summed in the original's order, from 0.
            int plain = Math.Min(half, (h - WaveLength) / 2 + 1);
            var d = data[..h];
            int i0 = 0;
            // Two outputs at a time: four independent sums, each in the original's order.
            for (; i0 + 1 < plain; i0 += 2)
            {
                var x = d.Slice(i0 << 1, WaveLength + 2);
                double lo = 0, hi = 0, lo2 = 0, hi2 = 0;
                lo += x[0] * s0; hi += x[0] * c0; lo2 += x[2] * s0; hi2 += x[2] * c0;
                lo += x[1] * s1; hi += x[1] * c1; lo2 += x[3] * s1; hi2 += x[3] * c1;
                lo += x[2] * s2; hi += x[2] * c2; lo2 += x[4] * s2; hi2 += x[4] * c2;
                lo += x[3] * s3; hi += x[3] * c3; lo2 += x[5] * s3; hi2 += x[5] * c3;
                lo += x[4] * s4; hi += x[4] * c4; lo2 += x[6] * s4; hi2 += x[6] * c4;
                lo += x[5] * s5; hi += x[5] * c5; lo2 += x[7] * s5; hi2 += x[7] * c5;
                lo += x[6] * s6; hi += x[6] * c6; lo2 += x[8] * s6; hi2 += x[8] * c6;
                lo += x[7] * s7; hi += x[7] * c7; lo2 += x[9] * s7; hi2 += x[9] * c7;
                level[i0] = lo;
                level[i0 + half] = hi;
                level[i0 + 1] = lo2;
                level[i0 + 1 + half] = hi2;
            }
            for (int i = i0; i < plain; i++)
            {
                var x = d.Slice(i << 1, WaveLength);
                double lo = 0, hi = 0;
                lo += x[0] * s0; hi += x[0] * c0;
                lo += x[1] * s1; hi += x[1] * c1;
                lo += x[2] * s2; hi += x[2] * c2;
                lo += x[3] * s3; hi += x[3] * c3;
                lo += x[4] * s4; hi += x[4] * c4;
                lo += x[5] * s5; hi += x[5] * c5;
                lo += x[6] * s6; hi += x[6] * c6;
                lo += x[7] * s7; hi += x[7] * c7;
                level[i] = lo;
                level[i + half] = hi;
            }
            for (int i = plain; i < half; i++)
                for (int j = 0; j < WaveLength; j++)
                {
                    int k = (i << 1) + j;
                    while (k >= h) k -= h;
                    level[i] += data[k] * Scales[j];
                    level[i + half] += data[k] * Coefficients[j];
                }
            level.CopyTo(data);
        }
    }
}

/// <summary>
/// <see cref="DaubechiesWavelet.Forward"/> of a signal that only grows at its end (TheFawkes's χ), recomputed after each
/// growth with the same result to the last bit, but in time O(n) copies plus O(log n) filter sums instead of O(n) sums.
/// </summary>
/// <remarks>
/// Level k transforms the first h_k values (h_0 = n, h_{k+1} = ⌊h_k / 2⌋) into ⌊h_k / 2⌋ approximations and as many
/// details. An output whose eight inputs do not wrap around the end and are themselves such outputs of the level before
/// (or values of the signal, at level 0) no longer changes when the signal grows: it is kept, and only the few outputs
/// near the end of each level are computed again (the same sums in the same order as the whole transform).
/// </remarks>
public sealed class GrowingDaubechiesTransform
{
    private const int WaveLength = 8;
    private readonly List<double[]> _approximations = [], _details = [];
    private readonly List<int> _stable = [];

    /// <summary>Forgets the kept outputs (the signal starts again).</summary>
    public void Reset()
    {
        for (int k = 0; k < _stable.Count; k++) _stable[k] = 0;
    }

    /// <summary>
    /// Writes the transform of <paramref name="signal"/> into <paramref name="result"/> (as long). The signal must extend
    /// the one of the previous call (the same values, more at the end) unless <see cref="Reset"/> was called between.
    /// </summary>
    public void Forward(ReadOnlySpan<double> signal, Span<double> result)
    {
        int n = signal.Length;
        if (result.Length != n) throw new ArgumentException("The result differs in length from the signal.", nameof(result));
        if (n < WaveLength)
        {
            signal.CopyTo(result);
            return;
        }
        int levels = 0;
        int stableInputs = n; // inputs of level 0 that no longer change: the whole signal
        for (int h = n; h >= WaveLength; h >>= 1, levels++)
        {
            int half = h >> 1;
            if (levels == _approximations.Count)
            {
                _approximations.Add(new double[Math.Max(half, 8)]);
                _details.Add(new double[Math.Max(half, 8)]);
                _stable.Add(0);
            }
            if (_approximations[levels].Length < half)
            {
                var a = _approximations[levels]; var d = _details[levels];
                Array.Resize(ref a, Math.Max(half, 2 * a.Length));
                Array.Resize(ref d, a.Length);
                _approximations[levels] = a; _details[levels] = d;
            }
            ReadOnlySpan<double> input = levels == 0 ? signal : _approximations[levels - 1].AsSpan(0, h);
            Level(input, _approximations[levels].AsSpan(0, half), _details[levels].AsSpan(0, half), _stable[levels]);
            int stable = stableInputs >= WaveLength ? (stableInputs - WaveLength) / 2 + 1 : 0;
            _stable[levels] = stable;
            stableInputs = stable;
        }
        // The layout of the in-place transform: the last approximations first, then the details of each level from the
        // last to the first, each level of odd length leaving a 0 at its end.
        int hLast = n >> levels;
        _approximations[levels - 1].AsSpan(0, hLast).CopyTo(result);
        int hk = n;
        for (int k = 0; k < levels; k++, hk >>= 1)
        {
            int half = hk >> 1;
            _details[k].AsSpan(0, half).CopyTo(result.Slice(half, half));
            if ((hk & 1) == 1) result[hk - 1] = 0;
        }
    }

    // Outputs from `from` on of one level over the h inputs: each sum from 0 over the eight products in the original's order.
    private static void Level(ReadOnlySpan<double> input, Span<double> approximations, Span<double> details, int from)
    {
        var s = DaubechiesWavelet.ScalingFilter;
        var c = DaubechiesWavelet.WaveletFilter;
        int h = input.Length, half = h >> 1;
        int plain = Math.Min(half, (h - WaveLength) / 2 + 1);
        for (int i = from; i < half; i++)
        {
            double lo = 0, hi = 0;
            if (i < plain)
            {
                var x = input.Slice(i << 1, WaveLength);
                for (int j = 0; j < WaveLength; j++)
                {
                    lo += x[j] * s[j];
                    hi += x[j] * c[j];
                }
            }
            else
            {
                for (int j = 0; j < WaveLength; j++)
                {
                    int k = (i << 1) + j;
                    while (k >= h) k -= h;
                    lo += input[k] * s[j];
                    hi += input[k] * c[j];
                }
            }
            approximations[i] = lo;
            details[i] = hi;
        }
    }
}

/// <summary>
/// A cubic smoothing spline through points (x_i, y_i) with unit weights and smoothing parameter ρ (SSJ's
/// <c>SmoothingCubicSpline</c> as GENIUS's TheFawkes carries it: D.S.G. Pollock's "Smoothing with cubic splines",
/// a quincunx (five-diagonal) solve, one cubic per interval, and linear extrapolation beyond the last node).
/// Evaluations are clamped to [0, 1] (NaN counts as 0), as in the original. Fitting reuses its buffers.
/// </summary>
/// <remarks>
/// The original expects the x_i in increasing order but does not check it; TheFawkes feeds it one point too many, an
/// unsorted (0, 0) at the end, and its behaviour depends on what the solve and the binary search then do. So the fit
/// and the search are the original's step for step, for any x.
/// </remarks>
public sealed class SmoothingCubicSpline
{
    private double[] _x = [], _h = [], _r = [], _u = [], _v = [], _w = [], _q = [];
    // Polynomial i covers the interval before x_i. Only the linear coefficients (a running sum over all intervals) are
    // kept for every polynomial; the other coefficients are computed when a polynomial is evaluated, by the original's
    // formulas from the fit's q, r, h and y (so they are the same to the last bit).
    private double[] _c1 = [], _y = [];
    private double _firstC0, _tangentC0, _tangentC1, _mu;
    private int _m;
    private double _rho = double.NaN;

    /// <summary>Nodes of the current fit.</summary>
    public int Count => _m;

    /// <summary>Fits the spline to the points (<paramref name="x"/>, <paramref name="y"/>) (at least two) with smoothing parameter <paramref name="rho"/>.</summary>
    public void Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double rho)
    {
        int common = 0;
        if (_m > 0)
        {
            int limit = Math.Min(_m, x.Length);
            while (common < limit && _x[common] == x[common]) common++;
        }
        Fit(x, y, rho, common, copyFrom: 0);
    }

    /// <summary>
    /// <see cref="Fit(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/> when the caller knows that the first
    /// <paramref name="unchanged"/> nodes equal the previous fit's (TheFawkes's nodes 0, 1, … only grow), bit for bit.
    /// </summary>
    internal void Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double rho, int unchanged) => Fit(x, y, rho, unchanged, unchanged);

    // The nodes before `unchanged` equal the previous fit's (==); those before `copyFrom` are its bit for bit.
    private void Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double rho, int unchanged, int copyFrom)
    {
        int m = x.Length;
        if (y.Length != m) throw new ArgumentException("x and y differ in length.");
        if (m < 2) throw new ArgumentException("A spline needs at least two nodes.", nameof(x));
        if (!(rho >= 0 && rho <= 1)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "rho must lie in [0, 1].");
        // The elimination of the five-diagonal system depends on x and ρ only, not on y: entry j of the previous fit still
        // holds when x agrees up to index j + 2 (TheFawkes refits with one more node each time).
        int keep = 0;
        if (_m > 0 && rho == _rho) keep = Math.Min(Math.Max(0, Math.Min(unchanged, m) - 2), _m - 1);
        if (Ensure(m)) keep = copyFrom = 0;
        copyFrom = Math.Clamp(copyFrom, 0, Math.Min(m, _m));
        _m = m;
        _rho = rho;
        x[copyFrom..].CopyTo(_x.AsSpan(copyFrom));
        y.CopyTo(_y);
        var h = _h.AsSpan(0, m); var r = _r.AsSpan(0, m); var u = _u.AsSpan(0, m); var v = _v.AsSpan(0, m); var w = _w.AsSpan(0, m);
        // h, r, u, v and w depend on x alone: entries below `keep` are the previous fit's.
        h[keep..].Clear(); r[keep..].Clear(); u[keep..].Clear(); v[keep..].Clear(); w[keep..].Clear();
        // Unit weights: σ_i = 1 / √w_i = 1, so the original's products with σ are left out (they are exact).
        double mu = rho <= 0 ? 1.0e100 : 2 * (1 - rho) / (3 * rho);
        int n = m - 1;
        h[0] = x[1] - x[0];
        r[0] = 3 / h[0];
        for (int i = Math.Max(1, keep); i < n; i++)
        {
            h[i] = x[i + 1] - x[i];
            r[i] = 3 / h[i];
        }
        for (int i = Math.Max(1, keep); i < n; i++)
        {
            u[i] = r[i - 1] * r[i - 1] + (r[i - 1] + r[i]) * (r[i - 1] + r[i]) + r[i] * r[i];
            u[i] = mu * u[i] + 2 * (x[i + 1] - x[i - 1]);
            v[i] = -(r[i - 1] + r[i]) * r[i] - r[i] * (r[i] + r[i + 1]);
            v[i] = mu * v[i] + h[i];
            w[i] = mu * r[i] * r[i + 1];
        }
        Eliminate(u, v, w, keep);
        var q = _q.AsSpan(0, m + 1);
        Solve(y, h, u, v, w, q);

        _mu = mu;
        // Left extrapolation (polynomial 0) and the first interval (polynomial 1) share c0 and c1.
        double c0 = y[0] - mu * r[0] * q[1];
        double dd = y[1] - mu * ((-r[0] - r[1]) * q[1] + r[1] * q[2]);
        double c1 = (dd - c0) / h[0] - q[1] * h[0] / 3;
        _firstC0 = c0;
        var linear = _c1.AsSpan(0, n + 1);
        linear[0] = c1;
        linear[1] = c1;
        // c1 of polynomial j + 1 = (q_j + q_{j−1}) h_{j−1} + c1 of polynomial j: q_{j−1} and the sum stay in registers.
        double qBefore = q[0];
        var qs = q[1..n];
        var hs = h[..(n - 1)];
        var cs = linear[2..(n + 1)];
        for (int j = 0; j < qs.Length && j < hs.Length && j < cs.Length; j++)
        {
            double qj = qs[j];
            c1 = (qj + qBefore) * hs[j] + c1;
            cs[j] = c1;
            qBefore = qj;
        }
        // Right extrapolation: the line tangent to the last cubic at x_n.
        double end = x[n] - x[n - 1];
        _tangentC0 = Evaluate(n, end);
        _tangentC1 = Derivative(n, end);
    }

    /// <summary>The last node (beyond it the spline is its tangent line there).</summary>
    internal double LastNode => _x[_m - 1];

    /// <summary>The tangent line beyond the last node: value c0 + (z − last node) · c1.</summary>
    internal (double C0, double C1) Tangent => (_tangentC0, _tangentC1);

    // The original's coefficients c0, c2, c3 of polynomial i (c1 is stored).
    private void Coefficients(int i, out double c0, out double c2, out double c3)
    {
        if (i <= 1)
        {
            c0 = _firstC0;
            c2 = 0;
            c3 = i == 0 ? 0 : _q[1] / (3 * _h[0]);
            return;
        }
        int j = i - 1;
        var q = _q; var r = _r;
        c3 = (q[j + 1] - q[j]) / (3 * _h[j]);
        c2 = q[j];
        c0 = r[j - 1] * q[j - 1] + (-r[j - 1] - r[j]) * q[j] + r[j] * q[j + 1];
        c0 = _y[j] - _mu * c0;
    }

    private double Evaluate(int i, double z)
    {
        Coefficients(i, out double c0, out double c2, out double c3);
        double res = c3;
        res = c2 + z * res;
        res = _c1[i] + z * res;
        return c0 + z * res;
    }

    private double Derivative(int i, double z)
    {
        Coefficients(i, out _, out double c2, out double c3);
        double res = c3 * 3;
        res = c2 * 2 + z * res;
        return _c1[i] + z * res;
    }

    /// <summary>The spline at <paramref name="z"/>, clamped to [0, 1] (NaN gives 0, +∞ gives 1).</summary>
    public double Value(double z)
    {
        if (_m == 0) throw new InvalidOperationException("The spline has not been fitted.");
        double value;
        double last = _x[_m - 1];
        if (z > last)
        {
            // Beyond the last node: the tangent line (its cubic and quadratic terms are 0, so Horner's scheme gives this).
            value = _tangentC0 + (z - last) * _tangentC1;
        }
        else
        {
            int i = PolynomialIndex(z);
            value = Evaluate(i, i == 0 ? z - _x[0] : z - _x[i - 1]);
        }
        if (double.IsNaN(value) || value < 0) return 0;
        if (double.IsInfinity(value) || value > 1) return 1;
        return value;
    }

    /// <summary>The original's (slightly modified) binary search for the polynomial that covers <paramref name="z"/>.</summary>
    private int PolynomialIndex(double z)
    {
        int j = _m - 1;
        if (z > _x[j]) return j + 1;
        int tmp = 0, i = 0;
        while (i + 1 != j)
        {
            if (z > _x[tmp])
            {
                i = tmp;
                tmp = i + (j - i) / 2;
            }
            else
            {
                j = tmp;
                tmp = i + (j - i) / 2;
            }
            if (j == 0) i--;
        }
        return i + 1;
    }

    // The original's Quincunx, in two parts: the elimination (from entry `keep` on; earlier entries are kept from the
    // previous fit) and the substitutions.
    private static void Eliminate(Span<double> u, Span<double> v, Span<double> w, int keep)
    {
        int m = u.Length;
        int start = keep;
        if (keep < 2)
        {
            u[0] = 0;
            v[1] /= u[1];
            w[1] /= u[1];
            start = 2;
        }
        for (int j = start; j < m - 1; j++)
        {
            u[j] = u[j] - u[j - 2] * w[j - 2] * w[j - 2] - u[j - 1] * v[j - 1] * v[j - 1];
            v[j] = (v[j] - u[j - 1] * v[j - 1] * w[j - 1]) / u[j];
            w[j] /= u[j];
        }
    }

    // The original's right-hand side q_i = 3(y_{i+1} − y_i) / h_i − 3(y_i − y_{i−1}) / h_{i−1}, its forward substitution
    // and division by u, fused into one pass, then its backward substitution: the same operations in the same order, the
    // running values kept in registers. The second term of q_i is the first of q_{i−1} (the same operations on the same
    // values), so it is carried over; a / 1 is a exactly, so unit spacings skip the division.
    private static void Solve(ReadOnlySpan<double> y, ReadOnlySpan<double> h, ReadOnlySpan<double> u, ReadOnlySpan<double> v,
        ReadOnlySpan<double> w, Span<double> q)
    {
        int m = u.Length;
        q[0] = 0;
        q[m - 1] = 0;
        q[m] = 0;
        if (m < 3) return; // q_1 = q_{m−1} = 0
        double previous = 3 * (y[1] - y[0]);
        if (h[0] != 1.0) previous /= h[0];
        double right = 3 * (y[2] - y[1]);
        if (h[1] != 1.0) right /= h[1];
        double z2 = 0; // q_0 of the forward substitution
        double z1 = right - previous - v[0] * z2;
        q[1] = z1 / u[1];
        previous = right;
        // j = 2 … m − 2, as offsets k = j − 2 into slices the loop condition bounds.
        int count = m - 3;
        var yj = y.Slice(2, count + 1); // y_j … y_{m−1}
        var hj = h.Slice(2, count); var uj = u.Slice(2, count); var vj = v.Slice(1, count); var wj = w[..count];
        var qj = q.Slice(2, count);
        for (int k = 0; k < count && k + 1 < yj.Length && k < hj.Length && k < uj.Length && k < vj.Length && k < wj.Length && k < qj.Length; k++)
        {
            right = 3 * (yj[k + 1] - yj[k]);
            double hk = hj[k];
            if (hk != 1.0) right /= hk;
            double z = right - previous - vj[k] * z1 - wj[k] * z2;
            previous = right;
            qj[k] = z / uj[k];
            z2 = z1;
            z1 = z;
        }
        // backward substitution: q_j −= v_j q_{j+1} + w_j q_{j+2} (in that order), j = m − 3 … 1
        double b2 = 0, b1 = q[m - 2];
        var qb = q[1..(m - 2)]; var vb = v[1..(m - 2)]; var wb = w[1..(m - 2)];
        for (int k = qb.Length - 1; k >= 0 && k < vb.Length && k < wb.Length; k--)
        {
            double t = qb[k] - vb[k] * b1 - wb[k] * b2;
            qb[k] = t;
            b2 = b1;
            b1 = t;
        }
    }

    // Grows the buffers; true when it did (the cached elimination is then gone).
    private bool Ensure(int m)
    {
        if (_x.Length >= m) return false;
        int size = Math.Max(m, 2 * _x.Length);
        _x = new double[size]; _h = new double[size]; _r = new double[size]; _u = new double[size];
        _v = new double[size]; _w = new double[size]; _q = new double[size + 1];
        _c1 = new double[size + 1]; _y = new double[size];
        return true;
    }
}

/// <summary>
/// The concession part of GENIUS's <c>TheFawkes_OM</c> (TheFawkes, ANAC 2013, after OMAC by Chen and Weiss): how much the
/// opponent's offers will be worth to us later, predicted from how they were worth so far.
/// <list type="bullet">
/// <item>χ: the utility to us of the opponent's offers by time index ⌊t · f⌋ (f: the total rounds of a round deadline,
/// else 100 × the time limit in seconds, "about one bid per 0.01 s"); where several offers share an index the oldest
/// counts, where none falls χ is 0.</item>
/// <item>The discrete wavelet transform of χ (<see cref="DaubechiesWavelet"/>) and α, a cubic smoothing spline
/// (<see cref="SmoothingCubicSpline"/>, ρ = 1e−16) through the decomposition.</item>
/// <item>ratio_i = α(i) / χ_i (∞ counts as 0, NaN as 1); the estimated received utility at time t is
/// α(⌊t · f⌋) · (1 + σ(ratio)), σ the population standard deviation.</item>
/// <item>The largest time between two consecutive offers, which sets the window of TheFawkes's bidding and acceptance.</item>
/// </list>
/// Recomputed from the second offer on, after every offer, as in GENIUS.
/// </summary>
/// <remarks>
/// Kept from the original because the predictions depend on it: the spline gets one node too many, an unsorted (0, 0)
/// after the last index, so every time index above 0 falls beyond the last node and α there is the line tangent to the
/// last cubic at that extra node; the wavelet works on the whole χ, wrapping its filter around the end.
/// </remarks>
public sealed class WaveletConcessionModel
{
    /// <summary>The original's smoothing parameter ρ.</summary>
    public const double Smoothing = 1e-16;

    private readonly SmoothingCubicSpline _alpha = new();
    private readonly GrowingDaubechiesTransform _wavelet = new();
    private double[] _chi = [], _x = [], _y = [], _ratio = [];
    private int _xFilled;
    private int _fitted = -1; // the n of the spline's last fit (its nodes 0 … n − 1 and the stray 0)
    private int _length, _offers;
    private double _lastTime, _maxGap, _ratioDeviation;

    /// <summary>Creates the model for time indices ⌊t · <paramref name="timeIndexFactor"/>⌋.</summary>
    public WaveletConcessionModel(double timeIndexFactor)
    {
        if (!(timeIndexFactor > 0) || double.IsInfinity(timeIndexFactor))
            throw new ArgumentOutOfRangeException(nameof(timeIndexFactor), timeIndexFactor, "The time index factor must be positive and finite.");
        TimeIndexFactor = timeIndexFactor;
    }

    /// <summary>The factor f of the time index ⌊t · f⌋.</summary>
    public double TimeIndexFactor { get; }

    /// <summary>Offers observed.</summary>
    public int Offers => _offers;

    /// <summary>The largest time between two consecutive offers so far (0 before the second).</summary>
    public double MaxTimeGap => _maxGap;

    /// <summary>GENIUS's <c>getMaxOpponentBidTimeDiff</c>: <see cref="MaxTimeGap"/>, at most 0.1.</summary>
    public double TimeWindow => Math.Min(0.1, _maxGap);

    /// <summary>σ(ratio): the spread of α around χ.</summary>
    public double RatioDeviation => _ratioDeviation;

    /// <summary>χ over the indices so far.</summary>
    public ReadOnlySpan<double> Chi => _chi.AsSpan(0, _length);

    /// <summary>The ratios α(i) / χ_i over the indices so far (as the original fixes them).</summary>
    public ReadOnlySpan<double> Ratio => _ratio.AsSpan(0, _offers >= 2 ? _length : 0);

    /// <summary>α, the smoothing spline over the wavelet decomposition (fitted from the second offer on).</summary>
    public SmoothingCubicSpline Alpha => _alpha;

    /// <summary>The time index of <paramref name="time"/>: ⌊t · f⌋.</summary>
    public int TimeIndex(double time) => (int)Math.Floor(time * TimeIndexFactor);

    /// <summary>Forgets everything (a new negotiation).</summary>
    public void Reset()
    {
        Array.Clear(_chi);
        _wavelet.Reset();
        _length = _offers = 0;
        _lastTime = _maxGap = _ratioDeviation = 0;
    }

    /// <summary>Learns from the opponent's next offer: its utility to us and its time.</summary>
    public void Observe(double utility, double time)
    {
        _offers++;
        if (_offers >= 2 && time - _lastTime > _maxGap) _maxGap = time - _lastTime;
        _lastTime = time;
        int index = Math.Max(0, TimeIndex(time));
        bool changed = false;
        if (index >= _length)
        {
            Grow(index + 1);
            _chi[index] = utility; // indices between stay 0; an index already taken keeps its older offer
            _length = index + 1;
            changed = true;
        }
        // The refit depends on χ alone: when χ did not change (an index already taken), it would give the same α and σ.
        if (_offers == 2 || (_offers > 2 && changed)) Recompute();
    }

    /// <summary>The estimated received utility at <paramref name="time"/> (TheFawkes's formula 8): α(⌊t · f⌋) · (1 + σ(ratio)).</summary>
    public double EstimatedUtility(double time) => _alpha.Value(TimeIndex(time)) * (1 + _ratioDeviation);

    private void Recompute()
    {
        int n = _length;
        // χ only grows at its end (an index once written keeps its value), so the transform keeps what no longer changes.
        _wavelet.Forward(Chi, _y.AsSpan(0, n));
        for (int i = _xFilled; i < n; i++) _x[i] = i;
        _xFilled = n;
        _x[n] = 0; // the original's arrays are one longer than the decomposition: a stray node (0, 0)
        _y[n] = 0;
        // The previous fit's nodes were 0 … p − 1 and the stray 0: the first min(p, n) agree (all of them when p = n).
        int unchanged = _fitted < 0 ? 0 : _fitted == n ? n + 1 : Math.Min(_fitted, n);
        _alpha.Fit(_x.AsSpan(0, n + 1), _y.AsSpan(0, n + 1), Smoothing, unchanged);
        _fitted = n;
        // ratio_i = α(i) / χ_i; α beyond the last node (every i > 0 here) is the tangent line, clamped as Value clamps it.
        double mean = RatiosAndSum(_alpha, _chi.AsSpan(0, n), _ratio.AsSpan(0, n));
        double deviation = 0;
        if (n > 1)
        {
            mean /= n;
            foreach (double ratio in _ratio.AsSpan(0, n))
            {
                double delta = ratio - mean;
                deviation += delta * delta;
            }
            deviation = Math.Sqrt(deviation / n);
        }
        _ratioDeviation = deviation;
    }

    // Writes ratio_i = α(i) / χ_i (∞ as 0, NaN as 1) and returns their sum, added in order. Beyond the last node the
    // ratios are computed four at a time: the same IEEE operations per lane as the scalar code (no fused multiply-add).
    private static double RatiosAndSum(SmoothingCubicSpline alpha, ReadOnlySpan<double> chi, Span<double> ratios)
    {
        int n = chi.Length;
        double last = alpha.LastNode;
        var (t0, t1) = alpha.Tangent;
        double sum = 0;
        int i = 0;
        for (; i < n && !(i > last); i++) sum += Store(ratios, i, alpha.Value(i) / chi[i]);
        if (Vector256.IsHardwareAccelerated)
        {
            var c0 = Vector256.Create(t0); var c1 = Vector256.Create(t1); var x0 = Vector256.Create(last);
            var zero = Vector256<double>.Zero; var one = Vector256.Create(1.0); var infinity = Vector256.Create(double.PositiveInfinity);
            var z = Vector256.Create(i, i + 1.0, i + 2.0, i + 3.0);
            var four = Vector256.Create(4.0);
            for (; i + 4 <= n; i += 4, z += four)
            {
                var a = c0 + (z - x0) * c1;
                a = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(a, zero), a, zero); // NaN and −∞ give 0
                a = Vector256.ConditionalSelect(Vector256.GreaterThan(a, one), one, a);
                var ratio = a / Vector256.Create(chi.Slice(i, 4));
                ratio = Vector256.ConditionalSelect(Vector256.Equals(Vector256.Abs(ratio), infinity), zero, ratio);
                ratio = Vector256.ConditionalSelect(Vector256.Equals(ratio, ratio), ratio, one);
                ratio.CopyTo(ratios.Slice(i, 4));
                sum += ratio.GetElement(0);
                sum += ratio.GetElement(1);
                sum += ratio.GetElement(2);
                sum += ratio.GetElement(3);
            }
        }
        for (; i < n; i++)
        {
            double a = t0 + (i - last) * t1;
            if (!(a >= 0)) a = 0; // NaN and −∞ too
            else if (a > 1) a = 1;
            sum += Store(ratios, i, a / chi[i]);
        }
        return sum;
    }

    private static double Store(Span<double> ratios, int i, double ratio)
    {
        if (double.IsInfinity(ratio)) ratio = 0;
        else if (double.IsNaN(ratio)) ratio = 1;
        ratios[i] = ratio;
        return ratio;
    }

    private void Grow(int length)
    {
        if (_chi.Length >= length) return;
        int size = Math.Max(length, Math.Max(16, 2 * _chi.Length));
        Array.Resize(ref _chi, size);
        _ratio = new double[size];
        _x = new double[size + 1];
        _xFilled = 0;
        _y = new double[size + 1];
    }
}
