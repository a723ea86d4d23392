using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Fees;

/// <summary>
/// Money set aside to pay people's fees: a state's scholarship (hardship waivers draw on it) or a sponsor's vouchers
/// (Texas's PeerForce). Each fiscal year has its own budget; what waivers and vouchers draw in a year never exceeds it.
/// </summary>
public sealed class FeeFund : IVersioned
{
    public const int NameMaxLength = 200;
    public const int PurposeMaxLength = 1000;

    private readonly List<FundYear> _years = [];

    private FeeFund() { }

    public FeeFund(StateCode state, string name, string? purpose, int fiscalYearStartMonth, int fiscalYearStartDay, IEnumerable<FeeKind> covers)
    {
        var named = string.IsNullOrWhiteSpace(name) ? "" : ReadableText.Normalise(name);
        if (named.Length == 0) throw new DomainRuleException("A fund needs a name.");
        if (named.Length > NameMaxLength) throw new DomainRuleException($"A fund's name is at most {NameMaxLength} characters.");
        var what = string.IsNullOrWhiteSpace(purpose) ? null : ReadableText.Normalise(purpose);
        if (what is { Length: > PurposeMaxLength }) throw new DomainRuleException($"A fund's purpose is at most {PurposeMaxLength} characters.");
        if (fiscalYearStartMonth is < 1 or > 12 || fiscalYearStartDay < 1 || fiscalYearStartDay > 28)
            throw new DomainRuleException("A fiscal year starts on a day between the 1st and the 28th of a month.");
        var kinds = covers.Distinct().Order().ToList();
        if (kinds.Count == 0) throw new DomainRuleException("Say which fees the fund pays for.");
        Id = Guid.CreateVersion7();
        StateCode = state;
        Name = named;
        Purpose = what;
        FiscalYearStartMonth = fiscalYearStartMonth;
        FiscalYearStartDay = fiscalYearStartDay;
        Covers = kinds;
    }

    public Guid Id { get; private set; }
    public StateCode StateCode { get; private set; }
    public string Name { get; private set; } = "";
    public string? Purpose { get; private set; }
    public int FiscalYearStartMonth { get; private set; }
    public int FiscalYearStartDay { get; private set; }

    /// <summary>The kinds of fee the fund pays (Florida's scholarship: everything from application to reinstatement).</summary>
    public List<FeeKind> Covers { get; private set; } = [];

    public int Version { get; private set; }
    public IReadOnlyList<FundYear> Years => _years;

    /// <summary>The first day of the fiscal year <paramref name="day"/> falls in (1 July 2026 for any day from then to 30 June 2027).</summary>
    public DateOnly FiscalYearOf(DateOnly day)
    {
        var start = new DateOnly(day.Year, FiscalYearStartMonth, FiscalYearStartDay);
        return day >= start ? start : start.AddYears(-1);
    }

    public FundYear? YearOf(DateOnly day) => _years.SingleOrDefault(y => y.StartsOn == FiscalYearOf(day));

    /// <summary>Sets the budget of the fiscal year <paramref name="day"/> falls in; never below what that year has already drawn.</summary>
    public FundYear SetBudget(DateOnly day, decimal budget)
    {
        Money.Check(budget, "A budget");
        var startsOn = FiscalYearOf(day);
        var year = _years.SingleOrDefault(y => y.StartsOn == startsOn);
        if (year is null)
        {
            year = new FundYear(Id, startsOn, budget);
            _years.Add(year);
        }
        else year.ChangeBudget(budget);
        return year;
    }

    /// <summary>Draws <paramref name="amount"/> from the fiscal year of <paramref name="day"/>; refused beyond what is left.</summary>
    public void Draw(decimal amount, FeeKind kind, DateOnly day)
    {
        if (!Covers.Contains(kind)) throw new DomainRuleException($"{Name} does not pay this kind of fee.");
        var year = YearOf(day) ?? throw new DomainRuleException($"{Name} has no budget for the fiscal year that began {FiscalYearOf(day):d MMMM yyyy}.");
        year.Draw(amount, Name);
    }
}

/// <summary>A fund's budget for one fiscal year and what has been drawn from it.</summary>
public sealed class FundYear
{
    private FundYear() { }

    internal FundYear(Guid fundId, DateOnly startsOn, decimal budget)
    {
        FundId = fundId;
        StartsOn = startsOn;
        Budget = budget;
    }

    public Guid FundId { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public decimal Budget { get; private set; }
    public decimal Drawn { get; private set; }
    public decimal Left => Budget - Drawn;

    internal void ChangeBudget(decimal budget)
    {
        if (budget < Drawn) throw new DomainRuleException($"The budget cannot be less than the {Money.Format(Drawn)} already drawn this fiscal year.");
        Budget = budget;
    }

    internal void Draw(decimal amount, string fundName)
    {
        if (amount > Left)
            throw new DomainRuleException($"{fundName} has {Money.Format(Left)} left this fiscal year, less than the {Money.Format(amount)} needed.");
        Drawn += amount;
    }
}

/// <summary>
/// A single-use code that pays a fee from a fund, issued in batches by a StateAdmin and handed out by the fund's
/// sponsor. Only a hash of the code is kept: the codes are shown once, when the batch is issued.
/// </summary>
public sealed class Voucher : IVersioned
{
    private Voucher() { }

    public Voucher(Guid fundId, StateCode state, Guid batchId, string codeHash, string lastCharacters, DateOnly expiresOn, Guid issuedByUserId, DateTimeOffset issuedAt)
    {
        Id = Guid.CreateVersion7();
        FundId = fundId;
        StateCode = state;
        BatchId = batchId;
        CodeHash = codeHash;
        LastCharacters = lastCharacters;
        ExpiresOn = expiresOn;
        IssuedByUserId = issuedByUserId;
        IssuedAt = issuedAt;
    }

    public Guid Id { get; private set; }
    public Guid FundId { get; private set; }
    public StateCode StateCode { get; private set; }
    public Guid BatchId { get; private set; }
    public string CodeHash { get; private set; } = "";

    /// <summary>The code's last characters, to tell vouchers apart on receipts and reports.</summary>
    public string LastCharacters { get; private set; } = "";

    /// <summary>The last day (in the state's calendar) the voucher can be used.</summary>
    public DateOnly ExpiresOn { get; private set; }

    public Guid IssuedByUserId { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public Guid? UsedForFeeId { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public int Version { get; private set; }

    public void Use(Guid feeId, DateOnly today, DateTimeOffset at)
    {
        if (UsedForFeeId is not null) throw new DomainRuleException("This voucher has already been used.");
        if (today > ExpiresOn) throw new DomainRuleException($"This voucher expired on {ExpiresOn:d MMMM yyyy}.");
        UsedForFeeId = feeId;
        UsedAt = at;
    }
}

public enum HardshipStatus
{
    Pending,
    Granted,
    Refused,
}

/// <summary>A person's request that a fee be waived because they cannot pay it; their statement is private.</summary>
public sealed class HardshipRequest
{
    public const int StatementMaxLength = 2000;

    private HardshipRequest() { }

    public HardshipRequest(Fee fee, string statement, DateTimeOffset at)
    {
        if (fee.Status != FeeStatus.Owed) throw new DomainRuleException("A waiver can be asked for only while the fee is owed.");
        var words = string.IsNullOrWhiteSpace(statement) ? "" : statement.Trim();
        if (words.Length == 0) throw new DomainRuleException("Tell the board, in a few words, why paying the fee is hard for you now.");
        if (words.Length > StatementMaxLength) throw new DomainRuleException($"The statement is at most {StatementMaxLength} characters.");
        Id = Guid.CreateVersion7();
        FeeId = fee.Id;
        PersonId = fee.PersonId;
        StateCode = fee.StateCode;
        Statement = words;
        RequestedAt = at;
        Status = HardshipStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid FeeId { get; private set; }
    public Guid PersonId { get; private set; }
    public StateCode StateCode { get; private set; }
    [PrivateData] public string Statement { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public HardshipStatus Status { get; private set; }
    public Guid? FundId { get; private set; }
    public string? DecisionReason { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Grants the waiver; the caller waives the fee and draws the fund in the same unit of work.</summary>
    public void Grant(Guid? fundId, string reason, Guid byUserId, DateTimeOffset at)
    {
        RequirePending();
        FundId = fundId;
        Decide(HardshipStatus.Granted, Fee.Reason(reason, "Give the reason for granting the waiver."), byUserId, at);
    }

    public void Refuse(string reason, Guid byUserId, DateTimeOffset at)
    {
        RequirePending();
        Decide(HardshipStatus.Refused, Fee.Reason(reason, "Tell the person why the waiver is refused."), byUserId, at);
    }

    private void Decide(HardshipStatus status, string reason, Guid byUserId, DateTimeOffset at)
    {
        Status = status;
        DecisionReason = reason;
        DecidedByUserId = byUserId;
        DecidedAt = at;
    }

    private void RequirePending()
    {
        if (Status != HardshipStatus.Pending) throw new DomainRuleException("This waiver request has already been decided.");
    }
}
