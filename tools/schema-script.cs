#:project ../src/CoProd.Infrastructure/CoProd.Infrastructure.csproj
#:property PublishAot=false

// Prints the DDL that EF Core's model expects (what `dotnet ef migrations script` would start from), to help
// write the next versioned SQL migration in src/CoProd.Infrastructure/Persistence/Migrations.
// Usage: dotnet run tools/schema-script.cs
// The drift test (CoProd.Infrastructure.Tests) checks that the migrations produce exactly this schema.
using CoProd.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

using var context = CoProdDbContext.Create("Host=unused");
Console.WriteLine(context.Database.GenerateCreateScript());
