namespace Parley.Tests.Agents.Boa;

// TheFawkes's concession model as first ported from GENIUS (commit 362a26b), step for step and without any of the
// later speed-ups: the oracle the fast WaveletConcessionModel must equal to the last bit.

internal static class ReferenceWavelet
{
    private const int WaveLength = 8;

    // The scaling (low-pass) filter h0 … h7 divided by √2, and the wavelet (high-pass) filter h7, −h6, h5, −h4, h3, −h2, h1, −h0.
    private static readonly double[] Scales = MakeScales();
    private static readonly double[] Coefficients =
        [Scales[7], -Scales[6], Scales[5], -Scales[4], Scales[3], -Scales[2], Scales[1], -Scales[0]];

    private static double[] MakeScales()
    {
        double[] s = [0.32580343, 1.01094572, 0.8922014, -0.03967503, -0.2645071, 0.0436163, 0.0465036, -0.01498699];
        const double sqrt2 = 1.4142135623730951;
        for (int i = 0; i < s.Length; i++) s[i] /= sqrt2;
        return s;
    }

    public static void Forward(Span<double> data, Span<double> scratch)
    {
        if (scratch.Length < data.Length) throw new ArgumentException("The scratch buffer is shorter than the data.", nameof(scratch));
        for (int h = data.Length; h >= WaveLength; h >>= 1)
        {
            var level = scratch[..h];
            level.Clear();
            int half = h >> 1;
            for (int i = 0; i < half; i++)
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

internal sealed class ReferenceSpline
{
    private double[] _x = [], _h = [], _r = [], _u = [], _v = [], _w = [], _q = [];
    private double[] _poly = []; // 4 coefficients (c0 … c3) per polynomial; polynomial i covers the interval before x_i
    private int _m;

    public int Count => _m;

    public void Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double rho)
    {
        int m = x.Length;
        if (y.Length != m) throw new ArgumentException("x and y differ in length.");
        if (m < 2) throw new ArgumentException("A spline needs at least two nodes.", nameof(x));
        if (!(rho >= 0 && rho <= 1)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "rho must lie in [0, 1].");
        Ensure(m);
        _m = m;
        x.CopyTo(_x);
        var h = _h.AsSpan(0, m); var r = _r.AsSpan(0, m); var u = _u.AsSpan(0, m); var v = _v.AsSpan(0, m); var w = _w.AsSpan(0, m);
        var q = _q.AsSpan(0, m + 1);
        h.Clear(); r.Clear(); u.Clear(); v.Clear(); w.Clear(); q.Clear();
        // Unit weights: σ_i = 1 / √w_i = 1, so the original's products with σ are left out (they are exact).
        double mu = rho <= 0 ? 1.0e100 : 2 * (1 - rho) / (3 * rho);
        int n = m - 1;
        h[0] = x[1] - x[0];
        r[0] = 3 / h[0];
        for (int i = 1; i < n; i++)
        {
            h[i] = x[i + 1] - x[i];
            r[i] = 3 / h[i];
            q[i] = 3 * (y[i + 1] - y[i]) / h[i] - 3 * (y[i] - y[i - 1]) / h[i - 1];
        }
        for (int i = 1; i < n; i++)
        {
            u[i] = r[i - 1] * r[i - 1] + (r[i - 1] + r[i]) * (r[i - 1] + r[i]) + r[i] * r[i];
            u[i] = mu * u[i] + 2 * (x[i + 1] - x[i - 1]);
            v[i] = -(r[i - 1] + r[i]) * r[i] - r[i] * (r[i] + r[i + 1]);
            v[i] = mu * v[i] + h[i];
            w[i] = mu * r[i] * r[i + 1];
        }
        Quincunx(u, v, w, q);

        Array.Clear(_poly, 0, 4 * (m + 1));
        // Left extrapolation (polynomial 0) and the first interval (polynomial 1).
        double c0 = y[0] - mu * r[0] * q[1];
        double dd = y[1] - mu * ((-r[0] - r[1]) * q[1] + r[1] * q[2]);
        double c1 = (dd - c0) / h[0] - q[1] * h[0] / 3;
        Set(0, c0, c1, 0, 0);
        Set(1, c0, c1, 0, q[1] / (3 * h[0]));
        for (int j = 1; j < n; j++)
        {
            double c3 = (q[j + 1] - q[j]) / (3 * h[j]);
            double c2 = q[j];
            c1 = (q[j] + q[j - 1]) * h[j - 1] + _poly[4 * j + 1];
            c0 = r[j - 1] * q[j - 1] + (-r[j - 1] - r[j]) * q[j] + r[j] * q[j + 1];
            c0 = y[j] - mu * c0;
            Set(j + 1, c0, c1, c2, c3);
        }
        // Right extrapolation: the line tangent to the last cubic at x_n.
        double end = x[n] - x[n - 1];
        Set(n + 1, Evaluate(n, end), Derivative(n, end), 0, 0);
    }

    private void Set(int i, double c0, double c1, double c2, double c3)
    {
        _poly[4 * i] = c0; _poly[4 * i + 1] = c1; _poly[4 * i + 2] = c2; _poly[4 * i + 3] = c3;
    }

    private double Evaluate(int i, double z)
    {
        var p = _poly.AsSpan(4 * i, 4);
        double res = p[3];
        res = p[2] + z * res;
        res = p[1] + z * res;
        return p[0] + z * res;
    }

    private double Derivative(int i, double z)
    {
        var p = _poly.AsSpan(4 * i, 4);
        double res = p[3] * 3;
        res = p[2] * 2 + z * res;
        return p[1] + z * res;
    }

    public double Value(double z)
    {
        if (_m == 0) throw new InvalidOperationException("The spline has not been fitted.");
        int i = PolynomialIndex(z);
        double value = Evaluate(i, i == 0 ? z - _x[0] : z - _x[i - 1]);
        if (double.IsNaN(value) || value < 0) return 0;
        if (double.IsInfinity(value) || value > 1) return 1;
        return value;
    }

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

    private static void Quincunx(Span<double> u, Span<double> v, Span<double> w, Span<double> q)
    {
        int m = u.Length;
        u[0] = 0;
        v[1] /= u[1];
        w[1] /= u[1];
        for (int j = 2; j < m - 1; j++)
        {
            u[j] = u[j] - u[j - 2] * w[j - 2] * w[j - 2] - u[j - 1] * v[j - 1] * v[j - 1];
            v[j] = (v[j] - u[j - 1] * v[j - 1] * w[j - 1]) / u[j];
            w[j] /= u[j];
        }
        // forward substitution
        q[1] -= v[0] * q[0];
        for (int j = 2; j < m - 1; j++) q[j] = q[j] - v[j - 1] * q[j - 1] - w[j - 2] * q[j - 2];
        for (int j = 1; j < m - 1; j++) q[j] /= u[j];
        // backward substitution
        q[m - 1] = 0;
        for (int j = m - 3; j > 0; j--) q[j] = q[j] - v[j] * q[j + 1] - w[j] * q[j + 2];
    }

    private void Ensure(int m)
    {
        if (_x.Length >= m) return;
        int size = Math.Max(m, 2 * _x.Length);
        _x = new double[size]; _h = new double[size]; _r = new double[size]; _u = new double[size];
        _v = new double[size]; _w = new double[size]; _q = new double[size + 1];
        _poly = new double[4 * (size + 1)];
    }
}

internal sealed class ReferenceConcessionModel
{
    public const double Smoothing = 1e-16;

    private readonly ReferenceSpline _alpha = new();
    private double[] _chi = [], _decomposition = [], _scratch = [], _x = [], _y = [], _ratio = [];
    private int _length, _offers;
    private double _lastTime, _maxGap, _ratioDeviation;

    public ReferenceConcessionModel(double timeIndexFactor)
    {
        if (!(timeIndexFactor > 0) || double.IsInfinity(timeIndexFactor))
            throw new ArgumentOutOfRangeException(nameof(timeIndexFactor), timeIndexFactor, "The time index factor must be positive and finite.");
        TimeIndexFactor = timeIndexFactor;
    }

    public double TimeIndexFactor { get; }

    public int Offers => _offers;

    public double MaxTimeGap => _maxGap;

    public double TimeWindow => Math.Min(0.1, _maxGap);

    public double RatioDeviation => _ratioDeviation;

    public ReadOnlySpan<double> Chi => _chi.AsSpan(0, _length);

    public ReadOnlySpan<double> Ratio => _ratio.AsSpan(0, _offers >= 2 ? _length : 0);

    public ReferenceSpline Alpha => _alpha;

    public int TimeIndex(double time) => (int)Math.Floor(time * TimeIndexFactor);

    public void Reset()
    {
        Array.Clear(_chi);
        _length = _offers = 0;
        _lastTime = _maxGap = _ratioDeviation = 0;
    }

    public void Observe(double utility, double time)
    {
        _offers++;
        if (_offers >= 2 && time - _lastTime > _maxGap) _maxGap = time - _lastTime;
        _lastTime = time;
        int index = Math.Max(0, TimeIndex(time));
        if (index >= _length)
        {
            Grow(index + 1);
            _chi[index] = utility; // indices between stay 0; an index already taken keeps its older offer
            _length = index + 1;
        }
        if (_offers >= 2) Recompute();
    }

    public double EstimatedUtility(double time) => _alpha.Value(TimeIndex(time)) * (1 + _ratioDeviation);

    private void Recompute()
    {
        int n = _length;
        var decomposition = _decomposition.AsSpan(0, n);
        Chi.CopyTo(decomposition);
        ReferenceWavelet.Forward(decomposition, _scratch);
        for (int i = 0; i < n; i++)
        {
            _x[i] = i;
            _y[i] = decomposition[i];
        }
        _x[n] = 0; // the original's arrays are one longer than the decomposition: a stray node (0, 0)
        _y[n] = 0;
        _alpha.Fit(_x.AsSpan(0, n + 1), _y.AsSpan(0, n + 1), Smoothing);
        double mean = 0;
        for (int i = 0; i < n; i++)
        {
            double ratio = _alpha.Value(i) / _chi[i];
            if (double.IsInfinity(ratio)) ratio = 0;
            else if (double.IsNaN(ratio)) ratio = 1;
            _ratio[i] = ratio;
            mean += ratio;
        }
        double deviation = 0;
        if (n > 1)
        {
            mean /= n;
            for (int i = 0; i < n; i++)
            {
                double delta = _ratio[i] - mean;
                deviation += delta * delta;
            }
            deviation = Math.Sqrt(deviation / n);
        }
        _ratioDeviation = deviation;
    }

    private void Grow(int length)
    {
        if (_chi.Length >= length) return;
        int size = Math.Max(length, Math.Max(16, 2 * _chi.Length));
        Array.Resize(ref _chi, size);
        _decomposition = new double[size];
        _scratch = new double[size];
        _ratio = new double[size];
        _x = new double[size + 1];
        _y = new double[size + 1];
    }
}
