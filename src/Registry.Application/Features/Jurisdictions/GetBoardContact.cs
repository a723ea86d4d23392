using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Jurisdictions;

/// <summary>Anyone reads how to reach a state's board, as its public pages show it; null for a code that is no state here.</summary>
public static class GetBoardContact
{
    [PublicRequest]
    public sealed record Query(string State) : IRequest<BoardContactDetails?>;

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, BoardContactDetails?>
    {
        public async Task<BoardContactDetails?> Handle(Query query, CancellationToken cancellationToken) =>
            StateCode.TryParse(query.State, out var state) ? await BoardContacts.OfStateAsync(db, state, cancellationToken) : null;
    }
}
