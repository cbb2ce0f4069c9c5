using System.Collections.Immutable;
using Parley.Tournaments;

namespace Parley.Cluster;

/// <summary>
/// A <see cref="NegotiationRecord"/> as Orleans carries it from a silo to the coordinator: its fields in Orleans' compact
/// binary form (the library type stays free of Orleans attributes). About a tenth of the cost of a JSON line per record.
/// </summary>
[GenerateSerializer]
internal struct RecordSurrogate
{
    [Id(0)] public int Index;
    [Id(1)] public int Status;
    [Id(2)] public string? Agreement;
    [Id(3)] public double[] Utilities;
    [Id(4)] public double[] UndiscountedUtilities;
    [Id(5)] public int Rounds;
    [Id(6)] public int Steps;
    [Id(7)] public double EndTime;
    [Id(8)] public double Welfare;
    [Id(9)] public double? DistanceToPareto;
    [Id(10)] public double? DistanceToNash;
    [Id(11)] public string? FailureKind;
    [Id(12)] public int? FailureSeat;
    [Id(13)] public string? FailureReason;
    [Id(14)] public double ElapsedMs;
    [Id(15)] public ModelAccuracySurrogate[]? ModelAccuracy;
}

/// <summary>A <see cref="ModelAccuracyRecord"/> for Orleans.</summary>
[GenerateSerializer]
internal struct ModelAccuracySurrogate
{
    [Id(0)] public int Seat;
    [Id(1)] public double? Pearson;
    [Id(2)] public double? Kendall;
    [Id(3)] public double? ParetoError;
}

/// <summary>Converts records to and from <see cref="RecordSurrogate"/> for Orleans' serializer.</summary>
[RegisterConverter]
internal sealed class RecordSurrogateConverter : IConverter<NegotiationRecord, RecordSurrogate>
{
    public NegotiationRecord ConvertFromSurrogate(in RecordSurrogate s) => new()
    {
        Index = s.Index,
        Status = Enum.IsDefined((NegotiationStatus)s.Status) ? (NegotiationStatus)s.Status : throw new InvalidDataException($"a silo sent status {s.Status}"),
        Agreement = s.Agreement,
        Utilities = ImmutableArray.Create(s.Utilities),
        UndiscountedUtilities = ImmutableArray.Create(s.UndiscountedUtilities),
        Rounds = s.Rounds,
        Steps = s.Steps,
        EndTime = s.EndTime,
        Welfare = s.Welfare,
        DistanceToPareto = s.DistanceToPareto,
        DistanceToNash = s.DistanceToNash,
        FailureKind = s.FailureKind,
        FailureSeat = s.FailureSeat,
        FailureReason = s.FailureReason,
        ElapsedMs = s.ElapsedMs,
        ModelAccuracy = s.ModelAccuracy is { } m ? [.. m.Select(a => new ModelAccuracyRecord(a.Seat, a.Pearson, a.Kendall, a.ParetoError))] : [],
    };

    public RecordSurrogate ConvertToSurrogate(in NegotiationRecord r) => new()
    {
        Index = r.Index,
        Status = (int)r.Status,
        Agreement = r.Agreement,
        Utilities = [.. r.Utilities],
        UndiscountedUtilities = [.. r.UndiscountedUtilities],
        Rounds = r.Rounds,
        Steps = r.Steps,
        EndTime = r.EndTime,
        Welfare = r.Welfare,
        DistanceToPareto = r.DistanceToPareto,
        DistanceToNash = r.DistanceToNash,
        FailureKind = r.FailureKind,
        FailureSeat = r.FailureSeat,
        FailureReason = r.FailureReason,
        ElapsedMs = r.ElapsedMs,
        ModelAccuracy = r.ModelAccuracy.IsDefaultOrEmpty ? null
            : [.. r.ModelAccuracy.Select(a => new ModelAccuracySurrogate { Seat = a.Seat, Pearson = a.Pearson, Kendall = a.Kendall, ParetoError = a.ParetoError })],
    };
}
