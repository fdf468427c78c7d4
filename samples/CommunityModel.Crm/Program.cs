if (args is [CommunityModel.Crm.Accounts.CreateAdminCommand.Name, .. var rest])
{
    return await CommunityModel.Crm.Accounts.CreateAdminCommand.RunAsync(rest, Console.In, Console.Out);
}

if (args is [CommunityModel.Crm.Load.LoadCommand.Name, .. var load])
{
    return await CommunityModel.Crm.Load.LoadCommand.RunAsync(load, Console.In, Console.Out);
}

var app = CommunityModel.Crm.CrmApp.Create(args);
await app.RunAsync();
return 0;
