using System.Runtime.Intrinsics;

namespace Parley.Agents.Boa;

/// <summary>
/// A prior over one log hyperparameter of <see cref="GaussianProcessRegression"/>, as gp4j's <c>BasicPrior</c>: a normal
/// prior on the log value with mean log(<paramref name="Mean"/>) and standard deviation
/// <paramref name="StandardDeviation"/>, sampled at <paramref name="SampleCount"/> evenly spaced log values within two
/// standard deviations (one sample: the mean); the Bayesian Monte Carlo kernel over the samples has width
/// <paramref name="WidthScaler"/> × the sample spacing.
/// </summary>
public sealed record HyperparameterPrior(int SampleCount, double Mean, double StandardDeviation, double WidthScaler = 0.25)
{
    /// <summary>log(<see cref="Mean"/>).</summary>
    public double LogMean => Math.Log(Mean);

    /// <summary>The sampled log values: gp4j's <c>linspace</c> (a running sum of the increment).</summary>
    public double[] LogSamples()
    {
        if (SampleCount == 1) return [LogMean];
        double min = LogMean - 2 * StandardDeviation, max = LogMean + 2 * StandardDeviation;
        var samples = new double[SampleCount];
        double increment = (max - min) / (SampleCount - 1);
        samples[0] = min;
        samples[^1] = max;
        for (int i = 1; i < SampleCount - 1; i++) samples[i] = samples[i - 1] + increment;
        return samples;
    }

    /// <summary>The width of the Gaussian kernel over the samples.</summary>
    public double Width
    {
        get
        {
            if (SampleCount == 1) return WidthScaler;
            var s = LogSamples();
            return WidthScaler * (s.Max() - s.Min()) / (SampleCount - 1);
        }
    }
}

/// <summary>
/// Gaussian-process regression of a one-dimensional function with a Matérn 3/2 covariance plus independent noise,
/// k(x, x') = σ²(1 + √3 r/ℓ) exp(−√3 r/ℓ) + σn² [x = x'], whose hyperparameters (length scale ℓ, signal σ, noise σn)
/// are marginalised by Bayesian Monte Carlo over a grid of samples from their log-normal priors (Osborne; Rasmussen and
/// Ghahramani): each sample's Gaussian process is weighted by its likelihood through the BMC quadrature weights, and the
/// prediction is the mixture's mean and variance. After gp4j (<c>GaussianProcessRegressionBMC</c> with
/// <c>SumCovarianceFunction(Matern3CovarianceFunction, NoiseCovarianceFunction)</c>), the library of IAMhaggler.
/// <para>
/// The training inputs are a prefix of a fixed <b>grid</b> and the predictions are at fixed <b>test points</b>, both given
/// at construction: every part that depends only on the inputs (per hyperparameter sample the Cholesky factor of the
/// grid's covariance — whose leading blocks are the factors of its prefixes —, the train–test covariances, the
/// predictive variance for every prefix) is computed once, so a fit costs only what depends on the outputs. The object
/// is immutable and thread-safe; the per-fit state lives in a <see cref="Workspace"/>.
/// </para>
/// </summary>
public sealed class GaussianProcessRegression
{
    private readonly double[] _grid, _test;
    private readonly int _samples;
    private readonly double[] _lengthScale, _signalVariance, _noiseVariance;
    private readonly double[][] _chol;          // per sample: the grid's Cholesky factor, row-major n×n (lower)
    private readonly double[][] _logDetPrefix;  // per sample: Σ_{i<k} 2 log L_ii, for k = 0..n
    private readonly double[][] _crossCov;      // per sample: k(grid_i, test_j), row-major n×T
    private readonly double[][] _variance;      // per sample: predictive variance with the first k grid points, (n+1)×T
    private readonly double[] _bmc;             // gp4j's KS⁻¹·NS·KS⁻¹ (as gp4j computes it), samples × samples, row-major
    private readonly double[][] _cholT;         // per sample: the factor's transpose, row-major (for back substitution)
    private readonly double[] _cholT4;          // the transposes of samples 4g … 4g + 3 interleaved: [g][i][j][lane] (padded with identities)

    /// <summary>Builds the regression for inputs on (a prefix of) <paramref name="grid"/>, predicting at <paramref name="testPoints"/>.</summary>
    /// <remarks>Runs once per process: compiled fully optimised at once rather than through the unoptimised first tier.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public GaussianProcessRegression(HyperparameterPrior lengthScale, HyperparameterPrior signal, HyperparameterPrior noise,
        IReadOnlyList<double> grid, IReadOnlyList<double> testPoints)
    {
        ArgumentNullException.ThrowIfNull(lengthScale);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(noise);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(testPoints);
        _grid = [.. grid];
        _test = [.. testPoints];
        HyperparameterPrior[] priors = [lengthScale, signal, noise];
        var logSamples = priors.Select(p => p.LogSamples()).ToArray();
        _samples = logSamples.Aggregate(1, (n, s) => n * s.Length);
        _lengthScale = new double[_samples];
        _signalVariance = new double[_samples];
        _noiseVariance = new double[_samples];
        int index = 0;
        // gp4j's allCombinations: the first prior outermost, the last fastest (the order of its Kronecker product).
        foreach (double l in logSamples[0])
            foreach (double s in logSamples[1])
                foreach (double e in logSamples[2])
                {
                    _lengthScale[index] = Math.Exp(l);
                    _signalVariance[index] = Math.Exp(2 * s);
                    _noiseVariance[index] = Math.Exp(2 * e);
                    index++;
                }
        var bmc = BmcMatrix(priors);
        _bmc = new double[_samples * _samples];
        for (int a = 0; a < _samples; a++)
            for (int b = 0; b < _samples; b++) _bmc[a * _samples + b] = bmc[a, b];
        int n = _grid.Length, t = _test.Length;
        _chol = new double[_samples][];
        _cholT = new double[_samples][];
        _logDetPrefix = new double[_samples][];
        _crossCov = new double[_samples][];
        _variance = new double[_samples][];
        for (int h = 0; h < _samples; h++)
        {
            var k = new double[n * n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    k[i * n + j] = Matern(h, _grid[i], _grid[j]) + (i == j ? _noiseVariance[h] : 0);
            _chol[h] = Cholesky(k, n);
            _cholT[h] = new double[n * n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) _cholT[h][j * n + i] = _chol[h][i * n + j];
            _logDetPrefix[h] = new double[n + 1];
            for (int i = 0; i < n; i++) _logDetPrefix[h][i + 1] = _logDetPrefix[h][i] + 2 * Math.Log(_chol[h][i * n + i]);
            var cross = new double[n * t];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < t; j++) cross[i * t + j] = Matern(h, _grid[i], _test[j]);
            _crossCov[h] = cross;
            // v = L⁻¹ K*, row by row; the variance with the first k points is prior − Σ_{i<k} v_ij².
            var v = new double[n * t];
            var variance = new double[(n + 1) * t];
            double prior = _signalVariance[h] + _noiseVariance[h];
            for (int j = 0; j < t; j++) variance[j] = prior;
            var l = _chol[h];
            var sums = new double[t];
            for (int i = 0; i < n; i++)
            {
                // Per j: cross_ij − Σ_{m<i} l_im v_mj, subtracted in m order (row-wise, so the inner loop runs along j).
                cross.AsSpan(i * t, t).CopyTo(sums);
                for (int m = 0; m < i; m++)
                {
                    double lim = l[i * n + m];
                    var row = v.AsSpan(m * t, t);
                    for (int j = 0; j < t; j++) sums[j] -= lim * row[j];
                }
                for (int j = 0; j < t; j++)
                {
                    double vij = sums[j] / l[i * n + i];
                    v[i * t + j] = vij;
                    variance[(i + 1) * t + j] = variance[i * t + j] - vij * vij;
                }
            }
            _variance[h] = variance;
        }
        int groups = (_samples + 3) / 4;
        _cholT4 = new double[groups * n * n * 4];
        for (int h = 0; h < groups * 4; h++)
            for (int e = 0; e < n * n; e++)
                _cholT4[((h / 4) * n * n + e) * 4 + h % 4] = h < _samples ? _cholT[h][e] : (e % (n + 1) == 0 ? 1.0 : 0.0);
    }

    /// <summary>Number of hyperparameter samples (the mixture's components).</summary>
    public int SampleCount => _samples;

    /// <summary>The training grid.</summary>
    public IReadOnlyList<double> Grid => _grid;

    /// <summary>The test points.</summary>
    public IReadOnlyList<double> TestPoints => _test;

    /// <summary>Per-fit scratch and results; one per user (not thread-safe), reusable across fits.</summary>
    public sealed class Workspace
    {
        internal Workspace(int samples, int grid, int tests)
        {
            LogLikelihood = new double[samples];
            Weights = new double[samples];
            Alpha = new double[samples * grid];
            Z = new double[samples * grid];
            Fit = new double[samples];
            Likelihood = new double[samples];
            Y = new double[grid];
            Active = new bool[samples];
            ActiveList = new int[samples];
            Z4 = new double[(samples + 3) / 4 * grid * 4];
            Alpha4 = new double[(samples + 3) / 4 * grid * 4];
            GroupList = new int[(samples + 3) / 4];
        }

        /// <summary>Each sample's log marginal likelihood at the last fit.</summary>
        public double[] LogLikelihood { get; }

        /// <summary>Each sample's BMC weight at the last fit (they sum to 1; some may be negative).</summary>
        public double[] Weights { get; }

        internal double[] Alpha { get; }
        internal double[] Z { get; }            // per sample L⁻¹y, which grows with y (forward substitution)
        internal double[] Fit { get; }          // per sample Σ z²
        internal double[] Likelihood { get; }
        internal double[] Y { get; }
        internal bool[] Active { get; }         // the components whose weight counts
        internal int[] ActiveList { get; }      // their indices, ascending
        internal double[] Z4 { get; }           // back substitution of four samples at once: L⁻¹y and α, [group][i][lane]
        internal double[] Alpha4 { get; }
        internal int[] GroupList { get; }       // the groups of four samples that hold an active one
        internal int Count { get; set; }
    }

    /// <summary>A workspace for this regression.</summary>
    public Workspace CreateWorkspace() => new(_samples, _grid.Length, _test.Length);

    /// <summary>
    /// Components whose weight is below this fraction of the largest weight are left out of the prediction (their
    /// contribution is below the rounding of the others).
    /// </summary>
    public const double NegligibleWeight = 1e-13;

    /// <summary>
    /// Fits the outputs <paramref name="y"/> at the first y.Length grid points: per sample, the log likelihood
    /// −½yᵀK⁻¹y − ½log|K| − (n/2)log 2π; the mixture weights from the likelihoods (scaled by the largest) through the BMC
    /// matrix, normalised to sum 1; α = K⁻¹y for the components that count. When <paramref name="y"/> extends the outputs
    /// of the previous fit, only the new points' part of L⁻¹y is computed.
    /// </summary>
    public void Fit(ReadOnlySpan<double> y, Workspace workspace) => Fit(y, workspace, SumIsPairwise);

    /// <summary><see cref="Fit(ReadOnlySpan{double}, Workspace)"/>, α four samples per vector or one sample at a time (the same values bit for bit).</summary>
    internal void Fit(ReadOnlySpan<double> y, Workspace workspace, bool byFours)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (byFours && !SumIsPairwise) throw new NotSupportedException("Vector.Sum on this machine is not (x0 + x1) + (x2 + x3)");
        int k = y.Length, n = _grid.Length;
        if (k > n) throw new ArgumentOutOfRangeException(nameof(y), k, $"at most {n} outputs (the grid's size)");
        int known = Math.Min(workspace.Count, k);
        for (int i = 0; i < known; i++)
            if (workspace.Y[i] != y[i]) { known = i; break; }
        y.CopyTo(workspace.Y);
        workspace.Count = k;
        double max = double.NegativeInfinity;
        for (int h = 0; h < _samples; h++)
        {
            var l = _chol[h];
            var z = workspace.Z.AsSpan(h * n, n);
            double fit = 0;
            for (int i = 0; i < known; i++) fit += z[i] * z[i];
            for (int i = known; i < k; i++)
            {
                int row = i * n;
                z[i] = (y[i] - Dot(l.AsSpan(row, i), z[..i])) / l[row + i];
                fit += z[i] * z[i];
            }
            double logLikelihood = -0.5 * fit - 0.5 * _logDetPrefix[h][k] - 0.5 * k * Math.Log(2 * Math.PI);
            workspace.LogLikelihood[h] = logLikelihood;
            if (logLikelihood > max) max = logLikelihood;
        }
        var likelihood = workspace.Likelihood;
        for (int b = 0; b < _samples; b++) likelihood[b] = Math.Exp(workspace.LogLikelihood[b] - max);
        var weights = workspace.Weights;
        double total = 0, largest = 0;
        RowDots(_bmc, _samples, likelihood, weights);
        for (int a = 0; a < _samples; a++) total += weights[a];
        for (int a = 0; a < _samples; a++)
        {
            weights[a] /= total;
            largest = Math.Max(largest, Math.Abs(weights[a]));
        }
        var activeList = workspace.ActiveList;
        int activeCount = 0;
        for (int h = 0; h < _samples; h++)
        {
            bool active = Math.Abs(weights[h]) >= NegligibleWeight * largest;
            workspace.Active[h] = active;
            if (active) activeList[activeCount++] = h;
        }
        // α = L⁻ᵀz by back substitution, one row at a time across all active components (each component's chain of
        // dependent divisions interleaves with the others'; per component the same operations in the same order).
        var zAll = workspace.Z;
        var alphaAll = workspace.Alpha;
        if (byFours)
        {
            BackSubstituteByFours(workspace, k);
            return;
        }
        for (int i = k - 1; i >= 0; i--)
        {
            int row = i * n, length = k - i - 1;
            for (int a = 0; a < activeCount; a++)
            {
                int h = activeList[a], offset = h * n;
                var u = _cholT[h];
                alphaAll[offset + i] = (zAll[offset + i] - Dot(u.AsSpan(row + i + 1, length), alphaAll.AsSpan(offset + i + 1, length))) / u[row + i];
            }
        }
    }

    /// <summary>
    /// Whether <see cref="Dot"/>'s vectors hold four doubles and <see cref="System.Numerics.Vector.Sum{T}(System.Numerics.Vector{T})"/>
    /// adds them as (x0 + x1) + (x2 + x3) (checked on values where every other order rounds differently), so that
    /// <see cref="BackSubstituteByFours"/> reproduces <see cref="Dot"/> bit for bit.
    /// </summary>
    private static readonly bool SumIsPairwise = Vector256.IsHardwareAccelerated && System.Numerics.Vector.IsHardwareAccelerated
        && System.Numerics.Vector<double>.Count == 4 && PairwiseSumCheck();

    private static bool PairwiseSumCheck()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 64; trial++)
        {
            var x = new double[4];
            for (int l = 0; l < 4; l++) x[l] = (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-30, 30));
            if (System.Numerics.Vector.Sum(new System.Numerics.Vector<double>(x)) != (x[0] + x[1]) + (x[2] + x[3])) return false;
        }
        double[] cancel = [1e16, 1.0, -1e16, 1.0];
        return System.Numerics.Vector.Sum(new System.Numerics.Vector<double>(cancel)) == (cancel[0] + cancel[1]) + (cancel[2] + cancel[3]);
    }

    /// <summary>
    /// α = L⁻ᵀz for four samples at once, one per lane, over every group of four that holds an active sample (inactive
    /// ones in it are computed and not used). Per sample exactly <see cref="Dot"/>'s operations in its order: below
    /// eight terms a running sum; from eight, four partial sums over blocks of four terms (one vector per partial sum,
    /// lanes the samples), reduced per sample as <see cref="System.Numerics.Vector.Sum{T}(System.Numerics.Vector{T})"/> does
    /// ((p0 + p1) + (p2 + p3), lane by lane), then the remaining terms added in turn.
    /// </summary>
    private void BackSubstituteByFours(Workspace workspace, int k)
    {
        int n = _grid.Length, groups = (_samples + 3) / 4, stride = n * 4;
        var z4 = workspace.Z4;
        var a4 = workspace.Alpha4;
        var groupList = workspace.GroupList;
        int groupCount = 0;
        for (int g = 0; g < groups; g++)
        {
            bool any = false;
            for (int lane = 0; lane < 4 && 4 * g + lane < _samples; lane++) any |= workspace.Active[4 * g + lane];
            if (!any) continue;
            groupList[groupCount++] = g;
            for (int i = 0; i < k; i++)
                for (int lane = 0; lane < 4; lane++)
                {
                    int h = 4 * g + lane;
                    z4[g * stride + i * 4 + lane] = h < _samples ? workspace.Z[h * n + i] : 0.0;
                }
        }
        ref double a4Ref = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(a4);
        ref double z4Ref = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(z4);
        ref double uAll = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_cholT4);
        // Row by row across the groups: a group's rows depend on each other, different groups' do not.
        for (int i = k - 1; i >= 0; i--)
        {
            int length = k - i - 1;
            for (int q = 0; q < groupCount; q++)
            {
                int g = groupList[q];
                nuint uBase = (nuint)(g * n * stride), aBase = (nuint)(g * stride);
                nuint rowStart = uBase + (nuint)((i * n + i + 1) * 4), alphaStart = aBase + (nuint)((i + 1) * 4);
                Vector256<double> sum;
                int j = 0;
                if (length >= 8)
                {
                    Vector256<double> p0 = Vector256<double>.Zero, p1 = p0, p2 = p0, p3 = p0;
                    for (; j + 4 <= length; j += 4)
                    {
                        nuint e = (nuint)(j * 4);
                        p0 += Vector256.LoadUnsafe(ref uAll, rowStart + e) * Vector256.LoadUnsafe(ref a4Ref, alphaStart + e);
                        p1 += Vector256.LoadUnsafe(ref uAll, rowStart + e + 4) * Vector256.LoadUnsafe(ref a4Ref, alphaStart + e + 4);
                        p2 += Vector256.LoadUnsafe(ref uAll, rowStart + e + 8) * Vector256.LoadUnsafe(ref a4Ref, alphaStart + e + 8);
                        p3 += Vector256.LoadUnsafe(ref uAll, rowStart + e + 12) * Vector256.LoadUnsafe(ref a4Ref, alphaStart + e + 12);
                    }
                    sum = (p0 + p1) + (p2 + p3); // per lane Vector.Sum's (x0 + x1) + (x2 + x3) (checked once: SumIsPairwise)
                }
                else sum = Vector256<double>.Zero;
                for (; j < length; j++)
                    sum += Vector256.LoadUnsafe(ref uAll, rowStart + (nuint)(j * 4)) * Vector256.LoadUnsafe(ref a4Ref, alphaStart + (nuint)(j * 4));
                var alpha = (Vector256.LoadUnsafe(ref z4Ref, aBase + (nuint)(i * 4)) - sum) / Vector256.LoadUnsafe(ref uAll, uBase + (nuint)((i * n + i) * 4));
                alpha.StoreUnsafe(ref a4Ref, aBase + (nuint)(i * 4));
            }
        }
        for (int q = 0; q < groupCount; q++)
        {
            int g = groupList[q];
            for (int lane = 0; lane < 4; lane++)
            {
                int h = 4 * g + lane;
                if (h >= _samples || !workspace.Active[h]) continue;
                for (int i = 0; i < k; i++) workspace.Alpha[h * n + i] = a4[g * stride + i * 4 + lane];
            }
        }
    }

    /// <summary>
    /// result_r = <see cref="Dot"/>(row r of the row-major <paramref name="matrix"/>, <paramref name="vector"/>) for every
    /// row, four rows at a time (each row's sum in <see cref="Dot"/>'s order, the four chains interleaved).
    /// </summary>
    private static void RowDots(double[] matrix, int size, ReadOnlySpan<double> vector, Span<double> result)
    {
        int r = 0;
        int lanes = System.Numerics.Vector<double>.Count;
        if (System.Numerics.Vector.IsHardwareAccelerated && size >= 2 * lanes)
        {
            var vb = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(vector[..size]);
            int blocks = vb.Length, tail = blocks * lanes;
            for (; r + 4 <= size; r += 4)
            {
                var v0 = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(matrix.AsSpan(r * size, size));
                var v1 = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(matrix.AsSpan((r + 1) * size, size));
                var v2 = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(matrix.AsSpan((r + 2) * size, size));
                var v3 = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(matrix.AsSpan((r + 3) * size, size));
                System.Numerics.Vector<double> a0 = System.Numerics.Vector<double>.Zero, a1 = a0, a2 = a0, a3 = a0;
                for (int v = 0; v < blocks; v++)
                {
                    var b = vb[v];
                    a0 += v0[v] * b;
                    a1 += v1[v] * b;
                    a2 += v2[v] * b;
                    a3 += v3[v] * b;
                }
                double s0 = System.Numerics.Vector.Sum(a0), s1 = System.Numerics.Vector.Sum(a1), s2 = System.Numerics.Vector.Sum(a2), s3 = System.Numerics.Vector.Sum(a3);
                for (int j = tail; j < size; j++)
                {
                    double b = vector[j];
                    s0 += matrix[r * size + j] * b;
                    s1 += matrix[(r + 1) * size + j] * b;
                    s2 += matrix[(r + 2) * size + j] * b;
                    s3 += matrix[(r + 3) * size + j] * b;
                }
                result[r] = s0;
                result[r + 1] = s1;
                result[r + 2] = s2;
                result[r + 3] = s3;
            }
        }
        for (; r < size; r++) result[r] = Dot(matrix.AsSpan(r * size, size), vector);
    }

    /// <summary>
    /// The mixture's predictive mean and variance at test points <paramref name="from"/> … T − 1 after the last
    /// <see cref="Fit(ReadOnlySpan{double}, Workspace)"/>: Σ w_h m_h and Σ w_h (v_h + m_h²) − mean² (gp4j's marginalisation); entries before
    /// <paramref name="from"/> are left as they are.
    /// </summary>
    public void Predict(Workspace workspace, int from, Span<double> mean, Span<double> variance)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        int n = _grid.Length, t = _test.Length, k = workspace.Count;
        if (mean.Length < t || variance.Length < t) throw new ArgumentException($"mean and variance need {t} entries");
        for (int j = from; j < t; j++) mean[j] = variance[j] = 0;
        var meanPart = mean[from..t];
        var variancePart = variance[from..t];
        for (int h = 0; h < _samples; h++)
        {
            if (!workspace.Active[h]) continue;
            AddComponent(workspace.Weights[h], workspace.Alpha.AsSpan(h * n, k), _crossCov[h], t, from,
                _variance[h].AsSpan(k * t + from, t - from), meanPart, variancePart);
        }
        for (int j = from; j < t; j++) variance[j] -= mean[j] * mean[j];
    }

    /// <summary>
    /// One component's share of the mixture at test points from … T − 1: its mean m_j = Σ_i K*_ij α_i (0 plus the terms
    /// in i order), then mean_j += w·m_j and variance_j += w·(v_j + m_j²). Sixteen (then four, then one) test points at a
    /// time, each accumulated in a register through all i: per test point the same operations in the same order as one
    /// pass per i over all test points.
    /// </summary>
    private static void AddComponent(double w, ReadOnlySpan<double> alpha, double[] cross, int t, int from,
        ReadOnlySpan<double> componentVariance, Span<double> mean, Span<double> variance)
    {
        int k = alpha.Length, count = t - from, j = 0;
        ref double c = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(cross);
        if (Vector256.IsHardwareAccelerated)
        {
            var vw = Vector256.Create(w);
            for (; j + 16 <= count; j += 16)
            {
                Vector256<double> m0 = Vector256<double>.Zero, m1 = m0, m2 = m0, m3 = m0;
                nuint offset = (nuint)(from + j);
                for (int i = 0; i < k; i++, offset += (nuint)t)
                {
                    var a = Vector256.Create(alpha[i]);
                    m0 += Vector256.LoadUnsafe(ref c, offset) * a;
                    m1 += Vector256.LoadUnsafe(ref c, offset + 4) * a;
                    m2 += Vector256.LoadUnsafe(ref c, offset + 8) * a;
                    m3 += Vector256.LoadUnsafe(ref c, offset + 12) * a;
                }
                Accumulate(vw, m0, componentVariance, mean, variance, j);
                Accumulate(vw, m1, componentVariance, mean, variance, j + 4);
                Accumulate(vw, m2, componentVariance, mean, variance, j + 8);
                Accumulate(vw, m3, componentVariance, mean, variance, j + 12);
            }
            for (; j + 4 <= count; j += 4) Accumulate(vw, ComponentMean(ref c, alpha, t, from + j), componentVariance, mean, variance, j);
            if (j < count && count >= 4)
            {
                // The last one to three test points: the four ending at the last, keeping only those not yet added.
                int start = count - 4;
                var m = ComponentMean(ref c, alpha, t, from + start);
                for (int lane = j - start; lane < 4; lane++)
                {
                    double mj = m.GetElement(lane);
                    mean[start + lane] += w * mj;
                    variance[start + lane] += w * (componentVariance[start + lane] + mj * mj);
                }
                j = count;
            }
        }
        for (; j < count; j++)
        {
            double m = 0;
            for (int i = 0; i < k; i++) m += cross[i * t + from + j] * alpha[i];
            mean[j] += w * m;
            variance[j] += w * (componentVariance[j] + m * m);
        }
    }

    /// <summary>Σ_i K*_ij α_i for the four test points from <paramref name="column"/> (0 plus the terms in i order).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ComponentMean(ref double cross, ReadOnlySpan<double> alpha, int t, int column)
    {
        var m = Vector256<double>.Zero;
        nuint offset = (nuint)column;
        for (int i = 0; i < alpha.Length; i++, offset += (nuint)t) m += Vector256.LoadUnsafe(ref cross, offset) * Vector256.Create(alpha[i]);
        return m;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(Vector256<double> w, Vector256<double> m, ReadOnlySpan<double> componentVariance,
        Span<double> mean, Span<double> variance, int j)
    {
        (Vector256.Create(mean.Slice(j, 4)) + w * m).CopyTo(mean.Slice(j, 4));
        (Vector256.Create(variance.Slice(j, 4)) + w * (Vector256.Create(componentVariance.Slice(j, 4)) + m * m)).CopyTo(variance.Slice(j, 4));
    }

    /// <summary>Σ a_i b_i, vectorised.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        int j = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && a.Length >= 2 * System.Numerics.Vector<double>.Count)
        {
            var va = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(a);
            var vb = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(b[..a.Length]);
            var acc = System.Numerics.Vector<double>.Zero;
            for (int v = 0; v < va.Length; v++) acc += va[v] * vb[v];
            sum = System.Numerics.Vector.Sum(acc);
            j = va.Length * System.Numerics.Vector<double>.Count;
        }
        for (; j < a.Length; j++) sum += a[j] * b[j];
        return sum;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private double Matern(int h, double x, double x2)
    {
        double r = Math.Sqrt(3 * ((x - x2) / _lengthScale[h]) * ((x - x2) / _lengthScale[h]));
        return _signalVariance[h] * Math.Exp(-r) * (1 + r);
    }

    /// <summary>The lower Cholesky factor of the symmetric positive definite n×n matrix <paramref name="a"/> (row-major), Jama's algorithm.</summary>
    public static double[] Cholesky(ReadOnlySpan<double> a, int n)
    {
        var l = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            double d = 0;
            for (int k = 0; k < j; k++)
            {
                double s = 0;
                for (int i = 0; i < k; i++) s += l[k * n + i] * l[j * n + i];
                s = (a[j * n + k] - s) / l[k * n + k];
                l[j * n + k] = s;
                d += s * s;
            }
            d = a[j * n + j] - d;
            l[j * n + j] = Math.Sqrt(Math.Max(d, 0.0));
        }
        return l;
    }

    /// <summary>
    /// gp4j's BMC matrix: per prior, with KS the Gaussian kernel over its samples and NS the prior's kernel of equation
    /// 3.8.10, Lᵀ \ (KS⁻¹NS)ᵀ then L \ (L the factor of KS) — so L⁻¹L⁻ᵀ rather than KS⁻¹ on the left, kept as gp4j computes
    /// it —, and the Kronecker product over the priors.
    /// </summary>
    private static double[,] BmcMatrix(HyperparameterPrior[] priors)
    {
        double[,] result = { { 1.0 } };
        foreach (var prior in priors)
        {
            var s = prior.LogSamples();
            int m = s.Length;
            double width = prior.Width;
            var ks = new double[m * m];
            var ns = new double[m * m];
            double variance = prior.StandardDeviation * prior.StandardDeviation;
            double lambda = variance + width * width;
            double precX = lambda - variance * variance / lambda;
            double precY = 1 / (variance - lambda * lambda / variance);
            double multConst = 1 / Math.Sqrt(Math.Pow(2 * Math.PI, 2) * lambda * precX);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++)
                {
                    ks[i * m + j] = NormalPdf(s[i], s[j], width);
                    double xDev = s[i] - prior.LogMean, yDev = s[j] - prior.LogMean;
                    ns[i * m + j] = multConst * Math.Exp(-0.5 / precX * (xDev * xDev + yDev * yDev) - precY * xDev * yDev);
                }
            var l = Cholesky(ks, m);
            // X = KS⁻¹ NS by forward and back substitution (gp4j's solveChol), then transposed.
            var x = (double[])ns.Clone();
            for (int c = 0; c < m; c++)
            {
                for (int k = 0; k < m; k++)
                {
                    for (int i = 0; i < k; i++) x[k * m + c] -= x[i * m + c] * l[k * m + i];
                    x[k * m + c] /= l[k * m + k];
                }
                for (int k = m - 1; k >= 0; k--)
                {
                    for (int i = k + 1; i < m; i++) x[k * m + c] -= x[i * m + c] * l[i * m + k];
                    x[k * m + c] /= l[k * m + k];
                }
            }
            var r = new double[m * m];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++) r[i * m + j] = x[j * m + i];
            // r = Lᵀ \ r (upper triangular), then r = L \ r (lower triangular).
            for (int c = 0; c < m; c++)
            {
                for (int k = m - 1; k >= 0; k--)
                {
                    double sum = r[k * m + c];
                    for (int i = k + 1; i < m; i++) sum -= l[i * m + k] * r[i * m + c];
                    r[k * m + c] = sum / l[k * m + k];
                }
                for (int k = 0; k < m; k++)
                {
                    double sum = r[k * m + c];
                    for (int i = 0; i < k; i++) sum -= l[k * m + i] * r[i * m + c];
                    r[k * m + c] = sum / l[k * m + k];
                }
            }
            int ra = result.GetLength(0);
            var next = new double[ra * m, ra * m];
            for (int a = 0; a < ra; a++)
                for (int b = 0; b < ra; b++)
                    for (int i = 0; i < m; i++)
                        for (int j = 0; j < m; j++) next[a * m + i, b * m + j] = result[a, b] * r[i * m + j];
            result = next;
        }
        return result;
    }

    private static double NormalPdf(double x, double mean, double sd) =>
        Math.Exp(-Math.Pow((x - mean) / sd, 2) / 2) / (Math.Sqrt(2 * Math.PI) * sd);
}
