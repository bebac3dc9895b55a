/*
 * A TCP listener on 127.0.0.1 for the sandbox test: it prints the port
 * it got, waits at most 30 seconds for a connection, and says whether
 * one came.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int
main(void)
{
	struct sockaddr_in	 a;
	socklen_t		 len = sizeof(a);
	struct pollfd		 p;
	int			 s;

	if ((s = socket(AF_INET, SOCK_STREAM, 0)) == -1) {
		perror("socket");
		return 1;
	}
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(s, (struct sockaddr *)&a, sizeof(a)) == -1 ||
	    listen(s, 1) == -1 ||
	    getsockname(s, (struct sockaddr *)&a, &len) == -1) {
		perror("listen");
		return 1;
	}
	printf("%d\n", ntohs(a.sin_port));
	fflush(stdout);
	p.fd = s;
	p.events = POLLIN;
	switch (poll(&p, 1, 30000)) {
	case -1:
		perror("poll");
		return 1;
	case 0:
		puts("no connection");
		return 0;
	default:
		puts("connected");
		return 0;
	}
}
