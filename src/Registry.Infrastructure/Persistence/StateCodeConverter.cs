using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Registry.Domain.Jurisdictions;

namespace Registry.Infrastructure.Persistence;

public sealed class StateCodeConverter() : ValueConverter<StateCode, string>(code => code.Value, value => StateCode.Parse(value));
