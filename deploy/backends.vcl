# The app servers behind the proxy, balanced round robin and taken out while /health/ fails.
# deploy/topology.py writes its own copy for the ports it starts; this one shows the form.
backend app1 {
    .host = "127.0.0.1";
    .port = "8081";
    .probe = health;
}
backend app2 {
    .host = "127.0.0.1";
    .port = "8082";
    .probe = health;
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    app.add_backend(app2);
}
