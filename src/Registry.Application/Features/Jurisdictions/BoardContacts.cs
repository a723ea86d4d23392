using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Jurisdictions;

/// <summary>The board's contact of a state, as decision messages and public pages show it.</summary>
public static class BoardContacts
{
    /// <summary>The state's board, named by its board name or, until the state gives one, as the state's peer certification board; null for an unknown state.</summary>
    public static Task<BoardContactDetails?> OfStateAsync(IRegistryDbContext db, StateCode state, CancellationToken cancellationToken) =>
        db.Jurisdictions.AsNoTracking().Where(j => j.Code == state)
            .Select(j => new BoardContactDetails(j.BoardName ?? j.Name + " peer certification board", j.ContactEmail, j.ContactPhone, j.WebAddress, j.MailingAddress))
            .SingleOrDefaultAsync(cancellationToken);
}
