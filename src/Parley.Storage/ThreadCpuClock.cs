using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Parley.Tournaments.Storage;

/// <summary>
/// CPU time consumed by the calling thread, in <see cref="Stopwatch"/> ticks: what a thread's work cost, without the time
/// it waited or was preempted. Linux reads the thread's CPU clock; elsewhere the wall clock stands in for it.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>True when <see cref="Now"/> reads the thread's CPU clock (otherwise it is the wall clock).</summary>
    public static bool Measures { get; } = OperatingSystem.IsLinux() && Try(out _);

    /// <summary>The calling thread's CPU time so far, in <see cref="Stopwatch"/> ticks (the wall clock where <see cref="Measures"/> is false).</summary>
    public static long Now() => Measures && Try(out long ticks) ? ticks : Stopwatch.GetTimestamp();

    private static bool Try(out long ticks)
    {
        ticks = 0;
        try
        {
            if (ClockGetTime(ThreadCpuTimeClock, out var time) != 0) return false;
            ticks = (long)((time.Seconds + time.Nanoseconds / 1e9) * Stopwatch.Frequency);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
