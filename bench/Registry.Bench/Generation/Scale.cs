namespace Registry.Bench.Generation;

/// <summary>
/// What to generate: <paramref name="Credentials"/> certified peers over the largest <paramref name="States"/>
/// states, plus applicants still in the pipeline. The same seed and day give the same rows.
/// </summary>
public sealed record Scale(int Credentials, int States, int Seed, DateOnly Today)
{
    public const int MaxStates = 51;

    /// <summary>People with an application but no credential yet (a quarter as many as holders).</summary>
    public int Applicants => Math.Max(12, Credentials / 4);

    public int People => Credentials + Applicants;

    public int Employers => Math.Max(2, Credentials / 250);

    /// <summary>The moment "now" stands for in generated timestamps: noon UTC on <see cref="Today"/>.</summary>
    public DateTimeOffset Now => new(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public override string ToString() => $"{Credentials:N0} credentials, {States} states";

    public void Validate()
    {
        if (Credentials is < 1 or > 5_000_000) throw new ArgumentException("--credentials is between 1 and 5,000,000.");
        if (States is < 1 or > MaxStates) throw new ArgumentException($"--states is between 1 and {MaxStates}.");
    }
}
