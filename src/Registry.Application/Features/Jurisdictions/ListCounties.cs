using FluentValidation;
using MediatR;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Jurisdictions;

/// <summary>The counties of a state from the Census list the registry ships: public reference data for the address forms.</summary>
public static class ListCounties
{
    [PublicRequest]
    public sealed record Query(string State) : IRequest<IReadOnlyList<Model>>;

    /// <summary>A county: its five-digit FIPS code and its name ("Travis County").</summary>
    public sealed record Model(string Code, string Name);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.State).Must(s => StateCode.TryParse(s, out var code) && UnitedStates.Codes.Contains(code.Value))
                .WithMessage("Give a state's two-letter code, like TN.");
        }
    }

    public sealed class Handler : IRequestHandler<Query, IReadOnlyList<Model>>
    {
        public Task<IReadOnlyList<Model>> Handle(Query query, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Model>>([.. Counties.In(StateCode.Parse(query.State)).Select(c => new Model(c.Code.Value, c.Name))]);
    }
}
