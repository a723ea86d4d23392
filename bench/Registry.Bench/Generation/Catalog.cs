using Registry.Domain.Jurisdictions;

namespace Registry.Bench.Generation;

/// <summary>A generated program: its deterministic id, state and the domain's own requirements object.</summary>
public sealed record ProgramSpec(int Index, Guid Id, UsState State, int StateIndex, string Code, string Name, ProgramRequirements Requirements);

/// <summary>
/// The states and programs of a scale, and the weighted choices every table's writer repeats the same
/// way (where person <c>k</c> lives, which program they hold), so no writer needs another's output.
/// </summary>
public sealed class Catalog
{
    private readonly double[] _cumulativeWeights;

    public Catalog(Scale scale)
    {
        Scale = scale;
        States = UsStates.ByPopulation.Take(scale.States).ToList();
        _cumulativeWeights = new double[States.Count];
        var total = 0.0;
        for (var i = 0; i < States.Count; i++) _cumulativeWeights[i] = total += States[i].PopulationMillions;
        for (var i = 0; i < States.Count; i++) _cumulativeWeights[i] /= total;

        var programs = new List<ProgramSpec>();
        ProgramsByState = new ProgramSpec[States.Count][];
        for (var s = 0; s < States.Count; s++)
        {
            var own = new List<ProgramSpec> { Program(programs.Count, s, "CPS", "Certified Peer Specialist", s % 4) };
            programs.Add(own[0]);
            if (s % 3 == 0)
            {
                own.Add(Program(programs.Count, s, "CFPS", "Certified Family Peer Specialist", (s + 1) % 4));
                programs.Add(own[1]);
            }
            ProgramsByState[s] = [.. own];
        }
        Programs = programs;
    }

    public Scale Scale { get; }
    public IReadOnlyList<UsState> States { get; }
    public IReadOnlyList<ProgramSpec> Programs { get; }
    public ProgramSpec[][] ProgramsByState { get; }

    /// <summary>The state person <paramref name="person"/> lives and is certified in, weighted by population.</summary>
    public int StateOf(long person)
    {
        var rng = new Rng(Scale.Seed, Stream.Person, person);
        var x = rng.NextDouble();
        var index = Array.BinarySearch(_cumulativeWeights, x);
        return Math.Min(index < 0 ? ~index : index, States.Count - 1);
    }

    /// <summary>The program person <paramref name="person"/> applied to (and, for holders, holds): mostly the state's main one.</summary>
    public ProgramSpec ProgramOf(long person)
    {
        var own = ProgramsByState[StateOf(person)];
        var rng = new Rng(Scale.Seed, Stream.Program, person);
        return own.Length == 1 || rng.Chance(0.8) ? own[0] : own[1];
    }

    private static ProgramSpec Program(int index, int stateIndex, string code, string name, int variant) =>
        new(index, Ids.For(Stream.Program, index), UsStates.ByPopulation[stateIndex], stateIndex, code, name, Requirements(variant, code == "CFPS"));

    /// <summary>Four shapes seen in real state programs, so rules and expiry dates differ between states.</summary>
    private static ProgramRequirements Requirements(int variant, bool family)
    {
        List<string> attestations = ["lived-experience", "code-of-ethics", "truthfulness"];
        // Two specialties every program offers (as Florida's CRPS-Y and CRPS-F), for counts by endorsement.
        List<EndorsementDefinition> endorsements =
        [
            new("Y", "Youth and young adults", "Supports young people aged 18 to 29.", minimumAge: 18, maximumAge: 29),
            new("F", "Family", "Supports families of people in recovery."),
        ];
        return variant switch
        {
            // Biennial from the issue date (Tennessee-like).
            0 => new ProgramRequirements(40, [new("RECOVERY", "Recovery and wellness support", 10), new("ETHICS", "Ethical responsibility", 6)],
                supervisedWorkHours: 75, supervisionHours: 0, referencesRequired: 3, exam: new ExamRequirement(70, 30, 3, 365),
                requiredAttestations: attestations, renewalCycleMonths: 24, continuingEducationHours: 36, ethicsContinuingEducationHours: 3,
                gracePeriodDays: 30, renewalWindowDays: 90, endorsements: endorsements),
            // IC&RC model with a scaled exam score (Pennsylvania-like).
            1 => new ProgramRequirements(46,
                [new("ADVOCACY", "Advocacy", 10), new("MENTORING", "Mentoring and education", 10), new("RECOVERY", "Recovery and wellness support", 10), new("ETHICS", "Ethical responsibility", 16)],
                supervisedWorkHours: 500, supervisionHours: 25, referencesRequired: 2, exam: new ExamRequirement(500, 60, 3, 365),
                requiredAttestations: [.. attestations, "criminal-history"], renewalCycleMonths: 24, continuingEducationHours: 30, ethicsContinuingEducationHours: 6,
                gracePeriodDays: 60, renewalWindowDays: 90, endorsements: endorsements),
            // Annual, every credential expiring on 31 December (Texas-like).
            2 => new ProgramRequirements(60, [new("ETHICS", "Ethical responsibility", 8)],
                supervisedWorkHours: 250, supervisionHours: 0, referencesRequired: 0, exam: new ExamRequirement(70, 14, 4, 365),
                requiredAttestations: attestations, renewalCycleMonths: 12, continuingEducationHours: 12, ethicsContinuingEducationHours: 1,
                gracePeriodDays: 90, renewalWindowDays: 60, renewsOn: new RenewalDate(12, 31), ceAuditPercent: 10, endorsements: endorsements),
            // Triennial, no exam, heavy supervised practice.
            _ => new ProgramRequirements(family ? 60 : 80,
                [new("RECOVERY", "Recovery and wellness support", 16), new("ETHICS", "Ethical responsibility", 12), new("CRISIS", "Crisis support", 8)],
                supervisedWorkHours: 1000, supervisionHours: 20, referencesRequired: 2, exam: null,
                requiredAttestations: [.. attestations, "criminal-history"], renewalCycleMonths: 36, continuingEducationHours: 48, ethicsContinuingEducationHours: 6,
                gracePeriodDays: 90, renewalWindowDays: 120, ceAuditPercent: 5, endorsements: endorsements),
        };
    }
}
