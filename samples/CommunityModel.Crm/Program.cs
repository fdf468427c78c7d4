var app = CommunityModel.Crm.CrmApp.Create(args);
await app.RunAsync();
