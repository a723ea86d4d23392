using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Registry.Domain.Jurisdictions;

namespace Registry.Infrastructure.Persistence;

public sealed class CountyCodeConverter() : ValueConverter<CountyCode, string>(code => code.Value, value => CountyCode.Parse(value));
