/**
 * Generated from the Commonplace OpenAPI document (/api/v1/openapi.json) by `npm run sdk:generate`
 * (scripts/generate-sdk.ts). Do not edit: change the routes, then generate again.
 */

export interface paths {
  '/api/v1/context': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Which company this address belongs to (null on the base domain)
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              baseUrl: string;
              org: {
                id: string;
                slug: string;
                name: string;
                url: string;
              } | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orgs/slug-check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Is a company address free?
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query: {
          slug: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              slug: string;
              available: boolean;
              reason: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orgs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign up a company and its owner
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            companyName: string;
            slug: string;
            ownerName: string;
            email: string;
            password: string;
            /** @enum {string} */
            locale?: 'en' | 'fr';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              org: {
                id: string;
                slug: string;
                name: string;
                url: string;
              };
              continueUrl: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/find-company': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * E-mail the companies an address belongs to (always 202)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
          };
        };
      };
      responses: {
        /** @description No content */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed-in person, company and CSRF token
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              org: {
                id: string;
                slug: string;
                name: string;
                url: string;
              };
              person: {
                id: string;
                displayName: string;
                email: string | null;
                /** @enum {string} */
                role: 'owner' | 'admin' | 'member' | 'guest';
                /** @enum {string} */
                status: 'active' | 'deactivated';
                title: string | null;
                department: string | null;
                locale: ('en' | 'fr') | null;
                photoUrl: string | null;
                createdAt: string;
                location: string | null;
                phone: string | null;
                about: string | null;
                skills: string[];
                managerId: string | null;
                employeeId: string | null;
                isBot: boolean;
              };
              csrfToken: string;
              sessionId: string;
              eventSeq: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with an e-mail, username or employee id and a password; 202 when a step remains (second factor, terms)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            login?: string;
            email?: string;
            password?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              org: {
                id: string;
                slug: string;
                name: string;
                url: string;
              };
              person: {
                id: string;
                displayName: string;
                email: string | null;
                /** @enum {string} */
                role: 'owner' | 'admin' | 'member' | 'guest';
                /** @enum {string} */
                status: 'active' | 'deactivated';
                title: string | null;
                department: string | null;
                locale: ('en' | 'fr') | null;
                photoUrl: string | null;
                createdAt: string;
                location: string | null;
                phone: string | null;
                about: string | null;
                skills: string[];
                managerId: string | null;
                employeeId: string | null;
                isBot: boolean;
              };
              csrfToken: string;
              sessionId: string;
              eventSeq: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              step: 'totp' | 'totp_setup' | 'terms';
              challenge: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out this browser
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * E-mail a password reset link (always 202)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
          };
        };
      };
      responses: {
        /** @description No content */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password-reset/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set a new password with a reset link token; signs in (202 when a step remains)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              org: {
                id: string;
                slug: string;
                name: string;
                url: string;
              };
              person: {
                id: string;
                displayName: string;
                email: string | null;
                /** @enum {string} */
                role: 'owner' | 'admin' | 'member' | 'guest';
                /** @enum {string} */
                status: 'active' | 'deactivated';
                title: string | null;
                department: string | null;
                locale: ('en' | 'fr') | null;
                photoUrl: string | null;
                createdAt: string;
                location: string | null;
                phone: string | null;
                about: string | null;
                skills: string[];
                managerId: string | null;
                employeeId: string | null;
                isBot: boolean;
              };
              csrfToken: string;
              sessionId: string;
              eventSeq: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              step: 'totp' | 'totp_setup' | 'terms';
              challenge: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Change my password (other sessions end)
     * @description Not available to integration tokens.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            currentPassword: string;
            newPassword: string;
          };
        };
      };
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My signed-in sessions, newest first
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                userAgent: string | null;
                ip: string | null;
                createdAt: string;
                lastSeenAt: string;
                current: boolean;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Sign out one of my sessions
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/sessions/revoke-others': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out everywhere else
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              revoked: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/sign-in/challenge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What a pending sign-in still needs
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query: {
          challenge: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              step: 'totp' | 'totp_setup' | 'terms';
              displayName: string;
              terms: string | null;
              rememberDeviceDays: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/sign-in/totp-setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start setting up an authenticator app during a sign-in that requires one
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            challenge: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              secret: string;
              otpauthUri: string;
              qrSvg: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/sign-in/totp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Answer the second-factor step with an authenticator or recovery code (also confirms a new authenticator)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            challenge: string;
            code?: string;
            recoveryCode?: string;
            rememberDevice?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              org: {
                id: string;
                slug: string;
                name: string;
                url: string;
              };
              person: {
                id: string;
                displayName: string;
                email: string | null;
                /** @enum {string} */
                role: 'owner' | 'admin' | 'member' | 'guest';
                /** @enum {string} */
                status: 'active' | 'deactivated';
                title: string | null;
                department: string | null;
                locale: ('en' | 'fr') | null;
                photoUrl: string | null;
                createdAt: string;
                location: string | null;
                phone: string | null;
                about: string | null;
                skills: string[];
                managerId: string | null;
                employeeId: string | null;
                isBot: boolean;
              };
              csrfToken: string;
              sessionId: string;
              eventSeq: number;
              recoveryCodes?: string[];
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              step: 'totp' | 'totp_setup' | 'terms';
              challenge: string;
              recoveryCodes?: string[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/sign-in/terms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept the company's usage terms to finish signing in
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            challenge: string;
            /** @enum {boolean} */
            accept: true;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              org: {
                id: string;
                slug: string;
                name: string;
                url: string;
              };
              person: {
                id: string;
                displayName: string;
                email: string | null;
                /** @enum {string} */
                role: 'owner' | 'admin' | 'member' | 'guest';
                /** @enum {string} */
                status: 'active' | 'deactivated';
                title: string | null;
                department: string | null;
                locale: ('en' | 'fr') | null;
                photoUrl: string | null;
                createdAt: string;
                location: string | null;
                phone: string | null;
                about: string | null;
                skills: string[];
                managerId: string | null;
                employeeId: string | null;
                isBot: boolean;
              };
              csrfToken: string;
              sessionId: string;
              eventSeq: number;
              recoveryCodes?: string[];
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              step: 'totp' | 'totp_setup' | 'terms';
              challenge: string;
              recoveryCodes?: string[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/access-code/check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Whom an access code is for (does not use it)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              displayName: string;
              login: string;
              /** @enum {string} */
              next: 'password' | 'sso';
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/access-code/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Use an access code: choose a password and sign in
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              org: {
                id: string;
                slug: string;
                name: string;
                url: string;
              };
              person: {
                id: string;
                displayName: string;
                email: string | null;
                /** @enum {string} */
                role: 'owner' | 'admin' | 'member' | 'guest';
                /** @enum {string} */
                status: 'active' | 'deactivated';
                title: string | null;
                department: string | null;
                locale: ('en' | 'fr') | null;
                photoUrl: string | null;
                createdAt: string;
                location: string | null;
                phone: string | null;
                about: string | null;
                skills: string[];
                managerId: string | null;
                employeeId: string | null;
                isBot: boolean;
              };
              csrfToken: string;
              sessionId: string;
              eventSeq: number;
              recoveryCodes?: string[];
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              step: 'totp' | 'totp_setup' | 'terms';
              challenge: string;
              recoveryCodes?: string[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/two-factor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Whether my second factor is on
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              enabled: boolean;
              required: boolean;
              recoveryCodesLeft: number;
              rememberedDevices: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/two-factor/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start setting up an authenticator app (a new secret and its QR code)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              secret: string;
              otpauthUri: string;
              qrSvg: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/two-factor/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Confirm the authenticator with a first code; returns recovery codes once
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              recoveryCodes: string[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/two-factor/recovery-codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * New recovery codes (the old ones stop working); needs a current code
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              recoveryCodes: string[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/two-factor/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Turn my authenticator off (not where the company requires one); needs a current code
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
          };
        };
      };
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/remembered-devices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Forget every device where I skipped the second factor
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/people/{id}/two-factor/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Remove a person's authenticator (they set one up again at the next sign-in if required)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/identity-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Sign-in policy: second factor, SSO enforcement, working hours, terms
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              twoFactor: 'optional' | 'admins' | 'everyone';
              rememberDeviceDays: number;
              enforceSso: boolean;
              breakGlassOwnerId: string | null;
              accessCodeDays: number;
              workingHours: {
                enabled: boolean;
                timeZone: string;
                days: number[];
                start: string;
                end: string;
              };
              terms: {
                required: boolean;
                text: string;
                renewMonths: number;
              };
              termsUpdatedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change the sign-in policy (only the fields sent)
     * @description Not available to integration tokens.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            twoFactor?: 'optional' | 'admins' | 'everyone';
            rememberDeviceDays?: number;
            enforceSso?: boolean;
            breakGlassOwnerId?: string | null;
            accessCodeDays?: number;
            workingHours?: {
              enabled: boolean;
              timeZone: string;
              days: number[];
              start: string;
              end: string;
            };
            terms?: {
              required: boolean;
              text: string;
              renewMonths: number;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              twoFactor: 'optional' | 'admins' | 'everyone';
              rememberDeviceDays: number;
              enforceSso: boolean;
              breakGlassOwnerId: string | null;
              accessCodeDays: number;
              workingHours: {
                enabled: boolean;
                timeZone: string;
                days: number[];
                start: string;
                end: string;
              };
              terms: {
                required: boolean;
                text: string;
                renewMonths: number;
              };
              termsUpdatedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/people': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Everyone in the company, for admins (search, filters)
     * @description Token scope: `people:write`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          q?: string;
          role?: 'owner' | 'admin' | 'member' | 'guest';
          status?: 'active' | 'deactivated';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                displayName: string;
                email: string | null;
                /** @enum {string} */
                role: 'owner' | 'admin' | 'member' | 'guest';
                /** @enum {string} */
                status: 'active' | 'deactivated';
                title: string | null;
                department: string | null;
                locale: ('en' | 'fr') | null;
                photoUrl: string | null;
                createdAt: string;
                location: string | null;
                phone: string | null;
                about: string | null;
                skills: string[];
                managerId: string | null;
                employeeId: string | null;
                isBot: boolean;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add a person directly (no e-mail needed: a username or employee id)
     * @description Token scope: `people:write`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            displayName: string;
            email?: string;
            username?: string;
            employeeId?: string;
            title?: string;
            department?: string;
            location?: string;
            /** Format: uuid */
            managerId?: string;
            /** @enum {string} */
            role?: 'member' | 'admin' | 'guest';
            frontline?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              displayName: string;
              email: string | null;
              /** @enum {string} */
              role: 'owner' | 'admin' | 'member' | 'guest';
              /** @enum {string} */
              status: 'active' | 'deactivated';
              title: string | null;
              department: string | null;
              locale: ('en' | 'fr') | null;
              photoUrl: string | null;
              createdAt: string;
              location: string | null;
              phone: string | null;
              about: string | null;
              skills: string[];
              managerId: string | null;
              employeeId: string | null;
              isBot: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/access-codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Access codes issued, newest first (never the codes themselves)
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          personId?: string;
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                person: {
                  id: string;
                  displayName: string;
                  login: string;
                };
                /** @enum {string} */
                status: 'active' | 'used' | 'expired' | 'revoked';
                createdAt: string;
                expiresAt: string;
                usedAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Issue access codes (each shown only in this answer; earlier unused codes of those people stop working)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            personIds: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                personId: string;
                displayName: string;
                login: string;
                code: string;
                expiresAt: string;
                claimUrl: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/access-codes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an unused access code
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/access-codes/sheet': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A printable sheet (PDF) or CSV of codes just issued; each must be an active code of that person
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            format: 'pdf' | 'csv';
            codes: {
              /** Format: uuid */
              personId: string;
              code: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/audit-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit log, newest first, filtered by action (or family), actor, target, time, text
     * @description Token scope: `audit:read`.
     */
    get: {
      parameters: {
        query?: {
          action?: string;
          actorId?: string;
          targetId?: string;
          from?: string;
          to?: string;
          q?: string;
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                at: string;
                actor: {
                  kind: string;
                  id: string | null;
                  label: string;
                };
                action: string;
                target: {
                  kind: string;
                  id: string | null;
                  label: string | null;
                } | null;
                ip: string | null;
                details: {
                  [key: string]: unknown;
                };
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/audit-log/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit log as CSV (same filters; at most 100000 entries, newest first)
     * @description Token scope: `audit:read`.
     */
    get: {
      parameters: {
        query?: {
          action?: string;
          actorId?: string;
          targetId?: string;
          from?: string;
          to?: string;
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My profile
     * @description Token scope: `any token`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              displayName: string;
              email: string | null;
              /** @enum {string} */
              role: 'owner' | 'admin' | 'member' | 'guest';
              /** @enum {string} */
              status: 'active' | 'deactivated';
              title: string | null;
              department: string | null;
              locale: ('en' | 'fr') | null;
              photoUrl: string | null;
              createdAt: string;
              location: string | null;
              phone: string | null;
              about: string | null;
              skills: string[];
              managerId: string | null;
              employeeId: string | null;
              isBot: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Update my profile
     * @description Not available to integration tokens.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            displayName?: string;
            locale?: ('en' | 'fr') | null;
            title?: string | null;
            department?: string | null;
            location?: string | null;
            phone?: string | null;
            about?: string | null;
            skills?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              displayName: string;
              email: string | null;
              /** @enum {string} */
              role: 'owner' | 'admin' | 'member' | 'guest';
              /** @enum {string} */
              status: 'active' | 'deactivated';
              title: string | null;
              department: string | null;
              locale: ('en' | 'fr') | null;
              photoUrl: string | null;
              createdAt: string;
              location: string | null;
              phone: string | null;
              about: string | null;
              skills: string[];
              managerId: string | null;
              employeeId: string | null;
              isBot: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/people/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A person I may see
     * @description Token scope: `people:read`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              displayName: string;
              email: string | null;
              /** @enum {string} */
              role: 'owner' | 'admin' | 'member' | 'guest';
              /** @enum {string} */
              status: 'active' | 'deactivated';
              title: string | null;
              department: string | null;
              locale: ('en' | 'fr') | null;
              photoUrl: string | null;
              createdAt: string;
              location: string | null;
              phone: string | null;
              about: string | null;
              skills: string[];
              managerId: string | null;
              employeeId: string | null;
              isBot: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/people/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a person's role
     * @description Token scope: `people:write`.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            role: 'owner' | 'admin' | 'member' | 'guest';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              displayName: string;
              email: string | null;
              /** @enum {string} */
              role: 'owner' | 'admin' | 'member' | 'guest';
              /** @enum {string} */
              status: 'active' | 'deactivated';
              title: string | null;
              department: string | null;
              locale: ('en' | 'fr') | null;
              photoUrl: string | null;
              createdAt: string;
              location: string | null;
              phone: string | null;
              about: string | null;
              skills: string[];
              managerId: string | null;
              employeeId: string | null;
              isBot: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/people/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Deactivate: ends sessions and live connections at once
     * @description Token scope: `people:write`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              displayName: string;
              email: string | null;
              /** @enum {string} */
              role: 'owner' | 'admin' | 'member' | 'guest';
              /** @enum {string} */
              status: 'active' | 'deactivated';
              title: string | null;
              department: string | null;
              locale: ('en' | 'fr') | null;
              photoUrl: string | null;
              createdAt: string;
              location: string | null;
              phone: string | null;
              about: string | null;
              skills: string[];
              managerId: string | null;
              employeeId: string | null;
              isBot: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/people/{id}/reactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reactivate a deactivated person
     * @description Token scope: `people:write`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              displayName: string;
              email: string | null;
              /** @enum {string} */
              role: 'owner' | 'admin' | 'member' | 'guest';
              /** @enum {string} */
              status: 'active' | 'deactivated';
              title: string | null;
              department: string | null;
              locale: ('en' | 'fr') | null;
              photoUrl: string | null;
              createdAt: string;
              location: string | null;
              phone: string | null;
              about: string | null;
              skills: string[];
              managerId: string | null;
              employeeId: string | null;
              isBot: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/invites': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Invitations, newest first
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          kind?: 'email' | 'link';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** @enum {string} */
                kind: 'email' | 'link';
                email: string | null;
                /** @enum {string} */
                role: 'owner' | 'admin' | 'member' | 'guest';
                maxUses: number;
                uses: number;
                expiresAt: string;
                revokedAt: string | null;
                createdAt: string;
                /** @enum {string} */
                status: 'active' | 'used' | 'expired' | 'revoked';
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Invite people by e-mail
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            emails: string[];
            /**
             * @default member
             * @enum {string}
             */
            role?: 'admin' | 'member' | 'guest';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** @enum {string} */
                kind: 'email' | 'link';
                email: string | null;
                /** @enum {string} */
                role: 'owner' | 'admin' | 'member' | 'guest';
                maxUses: number;
                uses: number;
                expiresAt: string;
                revokedAt: string | null;
                createdAt: string;
                /** @enum {string} */
                status: 'active' | 'used' | 'expired' | 'revoked';
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/invites/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an invitation or invite link
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/invite-links': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a shareable invite link (shown once)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @default member
             * @enum {string}
             */
            role?: 'member' | 'guest';
            /** @default 50 */
            maxUses?: number;
            /** @default 7 */
            expiresInDays?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              invite: {
                id: string;
                /** @enum {string} */
                kind: 'email' | 'link';
                email: string | null;
                /** @enum {string} */
                role: 'owner' | 'admin' | 'member' | 'guest';
                maxUses: number;
                uses: number;
                expiresAt: string;
                revokedAt: string | null;
                createdAt: string;
                /** @enum {string} */
                status: 'active' | 'used' | 'expired' | 'revoked';
              };
              url: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/invites/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What an invitation is for, before accepting
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              org: {
                id: string;
                slug: string;
                name: string;
                url: string;
              };
              email: string | null;
              /** @enum {string} */
              role: 'owner' | 'admin' | 'member' | 'guest';
              invitedBy: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/invites/{token}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Join the company with an invitation; signs in
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            displayName: string;
            email?: string;
            password: string;
            /** @enum {string} */
            locale?: 'en' | 'fr';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              org: {
                id: string;
                slug: string;
                name: string;
                url: string;
              };
              person: {
                id: string;
                displayName: string;
                email: string | null;
                /** @enum {string} */
                role: 'owner' | 'admin' | 'member' | 'guest';
                /** @enum {string} */
                status: 'active' | 'deactivated';
                title: string | null;
                department: string | null;
                locale: ('en' | 'fr') | null;
                photoUrl: string | null;
                createdAt: string;
                location: string | null;
                phone: string | null;
                about: string | null;
                skills: string[];
                managerId: string | null;
                employeeId: string | null;
                isBot: boolean;
              };
              csrfToken: string;
              sessionId: string;
              eventSeq: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              step: 'totp' | 'totp_setup' | 'terms';
              challenge: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/photo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Upload my profile photo (multipart field "photo")
     * @description Not available to integration tokens.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              displayName: string;
              email: string | null;
              /** @enum {string} */
              role: 'owner' | 'admin' | 'member' | 'guest';
              /** @enum {string} */
              status: 'active' | 'deactivated';
              title: string | null;
              department: string | null;
              locale: ('en' | 'fr') | null;
              photoUrl: string | null;
              createdAt: string;
              location: string | null;
              phone: string | null;
              about: string | null;
              skills: string[];
              managerId: string | null;
              employeeId: string | null;
              isBot: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /**
     * Remove my profile photo
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              displayName: string;
              email: string | null;
              /** @enum {string} */
              role: 'owner' | 'admin' | 'member' | 'guest';
              /** @enum {string} */
              status: 'active' | 'deactivated';
              title: string | null;
              department: string | null;
              locale: ('en' | 'fr') | null;
              photoUrl: string | null;
              createdAt: string;
              location: string | null;
              phone: string | null;
              about: string | null;
              skills: string[];
              managerId: string | null;
              employeeId: string | null;
              isBot: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/files/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download a file I may see
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/uploads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload a photo or a file (multipart field "file") to attach to a post; it is mine alone until a post takes it (attachmentIds)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind: 'image' | 'file';
              name: string;
              size: number;
              mimeType: string;
              url: string;
              thumbnailUrl: string | null;
              width: number | null;
              height: number | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Imports, newest first
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** @enum {string} */
                status: 'uploaded' | 'mapped' | 'previewing' | 'previewed' | 'running' | 'finished' | 'failed';
                fileName: string;
                byteSize: number;
                /** @enum {string} */
                format: 'csv' | 'xlsx';
                encoding: string | null;
                delimiter: string | null;
                headers: string[];
                sample: string[][];
                totalRows: number;
                suggested: {
                  [key: string]: string;
                };
                mapping: {
                  columns: {
                    name?: string;
                    firstName?: string;
                    lastName?: string;
                    email?: string;
                    username?: string;
                    employeeId?: string;
                    title?: string;
                    department?: string;
                    manager?: string;
                    phone?: string;
                    location?: string;
                    role?: string;
                    frontline?: string;
                  };
                  options: {
                    /** @enum {string} */
                    match: 'employeeId' | 'email';
                    /**
                     * @default none
                     * @enum {string}
                     */
                    sendAccess: 'none' | 'invitations' | 'access_codes';
                    /** @default false */
                    deactivateMissing: boolean;
                  };
                } | null;
                dryRun: boolean;
                phase: ('people' | 'managers' | 'access' | 'deactivate' | 'done') | null;
                progress: {
                  done: number;
                  total: number;
                };
                counts: {
                  create: number;
                  update: number;
                  unchanged: number;
                  error: number;
                  deactivate: number;
                };
                access: {
                  invitationsSent: number;
                  codesToIssue: number;
                  codesIssued: number;
                };
                error: string | null;
                createdBy: {
                  id: string;
                  displayName: string;
                };
                createdAt: string;
                updatedAt: string;
                finishedAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Upload a people file (multipart field "file": CSV or XLSX); answers its columns, first rows and suggested mapping
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              status: 'uploaded' | 'mapped' | 'previewing' | 'previewed' | 'running' | 'finished' | 'failed';
              fileName: string;
              byteSize: number;
              /** @enum {string} */
              format: 'csv' | 'xlsx';
              encoding: string | null;
              delimiter: string | null;
              headers: string[];
              sample: string[][];
              totalRows: number;
              suggested: {
                [key: string]: string;
              };
              mapping: {
                columns: {
                  name?: string;
                  firstName?: string;
                  lastName?: string;
                  email?: string;
                  username?: string;
                  employeeId?: string;
                  title?: string;
                  department?: string;
                  manager?: string;
                  phone?: string;
                  location?: string;
                  role?: string;
                  frontline?: string;
                };
                options: {
                  /** @enum {string} */
                  match: 'employeeId' | 'email';
                  /**
                   * @default none
                   * @enum {string}
                   */
                  sendAccess: 'none' | 'invitations' | 'access_codes';
                  /** @default false */
                  deactivateMissing: boolean;
                };
              } | null;
              dryRun: boolean;
              phase: ('people' | 'managers' | 'access' | 'deactivate' | 'done') | null;
              progress: {
                done: number;
                total: number;
              };
              counts: {
                create: number;
                update: number;
                unchanged: number;
                error: number;
                deactivate: number;
              };
              access: {
                invitationsSent: number;
                codesToIssue: number;
                codesIssued: number;
              };
              error: string | null;
              createdBy: {
                id: string;
                displayName: string;
              };
              createdAt: string;
              updatedAt: string;
              finishedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An import: status, progress and counts
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              status: 'uploaded' | 'mapped' | 'previewing' | 'previewed' | 'running' | 'finished' | 'failed';
              fileName: string;
              byteSize: number;
              /** @enum {string} */
              format: 'csv' | 'xlsx';
              encoding: string | null;
              delimiter: string | null;
              headers: string[];
              sample: string[][];
              totalRows: number;
              suggested: {
                [key: string]: string;
              };
              mapping: {
                columns: {
                  name?: string;
                  firstName?: string;
                  lastName?: string;
                  email?: string;
                  username?: string;
                  employeeId?: string;
                  title?: string;
                  department?: string;
                  manager?: string;
                  phone?: string;
                  location?: string;
                  role?: string;
                  frontline?: string;
                };
                options: {
                  /** @enum {string} */
                  match: 'employeeId' | 'email';
                  /**
                   * @default none
                   * @enum {string}
                   */
                  sendAccess: 'none' | 'invitations' | 'access_codes';
                  /** @default false */
                  deactivateMissing: boolean;
                };
              } | null;
              dryRun: boolean;
              phase: ('people' | 'managers' | 'access' | 'deactivate' | 'done') | null;
              progress: {
                done: number;
                total: number;
              };
              counts: {
                create: number;
                update: number;
                unchanged: number;
                error: number;
                deactivate: number;
              };
              access: {
                invitationsSent: number;
                codesToIssue: number;
                codesIssued: number;
              };
              error: string | null;
              createdBy: {
                id: string;
                displayName: string;
              };
              createdAt: string;
              updatedAt: string;
              finishedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Discard an import (not while it runs): its file and results
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/imports/{id}/mapping': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Choose the file's column for each field, the matching key and what new people receive
     * @description Not available to integration tokens.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            columns: {
              name?: string;
              firstName?: string;
              lastName?: string;
              email?: string;
              username?: string;
              employeeId?: string;
              title?: string;
              department?: string;
              manager?: string;
              phone?: string;
              location?: string;
              role?: string;
              frontline?: string;
            };
            options: {
              /** @enum {string} */
              match: 'employeeId' | 'email';
              /**
               * @default none
               * @enum {string}
               */
              sendAccess?: 'none' | 'invitations' | 'access_codes';
              /** @default false */
              deactivateMissing?: boolean;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              status: 'uploaded' | 'mapped' | 'previewing' | 'previewed' | 'running' | 'finished' | 'failed';
              fileName: string;
              byteSize: number;
              /** @enum {string} */
              format: 'csv' | 'xlsx';
              encoding: string | null;
              delimiter: string | null;
              headers: string[];
              sample: string[][];
              totalRows: number;
              suggested: {
                [key: string]: string;
              };
              mapping: {
                columns: {
                  name?: string;
                  firstName?: string;
                  lastName?: string;
                  email?: string;
                  username?: string;
                  employeeId?: string;
                  title?: string;
                  department?: string;
                  manager?: string;
                  phone?: string;
                  location?: string;
                  role?: string;
                  frontline?: string;
                };
                options: {
                  /** @enum {string} */
                  match: 'employeeId' | 'email';
                  /**
                   * @default none
                   * @enum {string}
                   */
                  sendAccess: 'none' | 'invitations' | 'access_codes';
                  /** @default false */
                  deactivateMissing: boolean;
                };
              } | null;
              dryRun: boolean;
              phase: ('people' | 'managers' | 'access' | 'deactivate' | 'done') | null;
              progress: {
                done: number;
                total: number;
              };
              counts: {
                create: number;
                update: number;
                unchanged: number;
                error: number;
                deactivate: number;
              };
              access: {
                invitationsSent: number;
                codesToIssue: number;
                codesIssued: number;
              };
              error: string | null;
              createdBy: {
                id: string;
                displayName: string;
              };
              createdAt: string;
              updatedAt: string;
              finishedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/imports/{id}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Dry run (a background job): what every row would do, nothing changed
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              status: 'uploaded' | 'mapped' | 'previewing' | 'previewed' | 'running' | 'finished' | 'failed';
              fileName: string;
              byteSize: number;
              /** @enum {string} */
              format: 'csv' | 'xlsx';
              encoding: string | null;
              delimiter: string | null;
              headers: string[];
              sample: string[][];
              totalRows: number;
              suggested: {
                [key: string]: string;
              };
              mapping: {
                columns: {
                  name?: string;
                  firstName?: string;
                  lastName?: string;
                  email?: string;
                  username?: string;
                  employeeId?: string;
                  title?: string;
                  department?: string;
                  manager?: string;
                  phone?: string;
                  location?: string;
                  role?: string;
                  frontline?: string;
                };
                options: {
                  /** @enum {string} */
                  match: 'employeeId' | 'email';
                  /**
                   * @default none
                   * @enum {string}
                   */
                  sendAccess: 'none' | 'invitations' | 'access_codes';
                  /** @default false */
                  deactivateMissing: boolean;
                };
              } | null;
              dryRun: boolean;
              phase: ('people' | 'managers' | 'access' | 'deactivate' | 'done') | null;
              progress: {
                done: number;
                total: number;
              };
              counts: {
                create: number;
                update: number;
                unchanged: number;
                error: number;
                deactivate: number;
              };
              access: {
                invitationsSent: number;
                codesToIssue: number;
                codesIssued: number;
              };
              error: string | null;
              createdBy: {
                id: string;
                displayName: string;
              };
              createdAt: string;
              updatedAt: string;
              finishedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/imports/{id}/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run the import (a background job; follow GET …/:id), or resume one that failed
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              status: 'uploaded' | 'mapped' | 'previewing' | 'previewed' | 'running' | 'finished' | 'failed';
              fileName: string;
              byteSize: number;
              /** @enum {string} */
              format: 'csv' | 'xlsx';
              encoding: string | null;
              delimiter: string | null;
              headers: string[];
              sample: string[][];
              totalRows: number;
              suggested: {
                [key: string]: string;
              };
              mapping: {
                columns: {
                  name?: string;
                  firstName?: string;
                  lastName?: string;
                  email?: string;
                  username?: string;
                  employeeId?: string;
                  title?: string;
                  department?: string;
                  manager?: string;
                  phone?: string;
                  location?: string;
                  role?: string;
                  frontline?: string;
                };
                options: {
                  /** @enum {string} */
                  match: 'employeeId' | 'email';
                  /**
                   * @default none
                   * @enum {string}
                   */
                  sendAccess: 'none' | 'invitations' | 'access_codes';
                  /** @default false */
                  deactivateMissing: boolean;
                };
              } | null;
              dryRun: boolean;
              phase: ('people' | 'managers' | 'access' | 'deactivate' | 'done') | null;
              progress: {
                done: number;
                total: number;
              };
              counts: {
                create: number;
                update: number;
                unchanged: number;
                error: number;
                deactivate: number;
              };
              access: {
                invitationsSent: number;
                codesToIssue: number;
                codesIssued: number;
              };
              error: string | null;
              createdBy: {
                id: string;
                displayName: string;
              };
              createdAt: string;
              updatedAt: string;
              finishedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/imports/{id}/rows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What each row did (or would do, after a dry run), in file order
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          status?: 'create' | 'update' | 'unchanged' | 'error';
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                row: number;
                /** @enum {string} */
                status: 'create' | 'update' | 'unchanged' | 'error';
                field: string | null;
                column: string | null;
                message: string | null;
                personId: string | null;
                name: string | null;
                key: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/imports/{id}/errors.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The rows with an error, with the problem and the row's own cells (CSV)
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/imports/{id}/access-codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Issue access codes to the next 500 people the import made without an e-mail (each code shown only here)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                personId: string;
                displayName: string;
                login: string;
                code: string;
                expiresAt: string;
                claimUrl: string;
              }[];
              remaining: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The directory: people I may see, by name; search and filters ignore case and accents
     * @description Token scope: `people:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          q?: string;
          department?: string;
          location?: string;
          title?: string;
          skill?: string;
          status?: 'active' | 'deactivated' | 'all';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                displayName: string;
                email: string | null;
                /** @enum {string} */
                role: 'owner' | 'admin' | 'member' | 'guest';
                /** @enum {string} */
                status: 'active' | 'deactivated';
                title: string | null;
                department: string | null;
                locale: ('en' | 'fr') | null;
                photoUrl: string | null;
                createdAt: string;
                location: string | null;
                phone: string | null;
                about: string | null;
                skills: string[];
                managerId: string | null;
                employeeId: string | null;
                isBot: boolean;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/facets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Departments and locations in the directory, with counts
     * @description Token scope: `people:read`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              departments: {
                value: string;
                count: number;
              }[];
              locations: {
                value: string;
                count: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A full profile
     * @description Token scope: `people:read`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              person: {
                id: string;
                displayName: string;
                email: string | null;
                /** @enum {string} */
                role: 'owner' | 'admin' | 'member' | 'guest';
                /** @enum {string} */
                status: 'active' | 'deactivated';
                title: string | null;
                department: string | null;
                locale: ('en' | 'fr') | null;
                photoUrl: string | null;
                createdAt: string;
                location: string | null;
                phone: string | null;
                about: string | null;
                skills: string[];
                managerId: string | null;
                employeeId: string | null;
                isBot: boolean;
              };
              manager: {
                id: string;
                displayName: string;
                title: string | null;
                department: string | null;
                photoUrl: string | null;
                /** @enum {string} */
                status: 'active' | 'deactivated';
                isBot: boolean;
              } | null;
              directReports: number;
              followers: number;
              following: number;
              viewerFollows: boolean;
              fields: {
                id: string;
                label: string;
                /** @enum {string} */
                kind: 'text' | 'url' | 'date';
                order: number;
                /** @enum {string} */
                visibleTo: 'everyone' | 'admins';
                value: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}/org-chart': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Managers up to the top, and the first page of direct reports
     * @description Token scope: `people:read`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              chain: {
                id: string;
                displayName: string;
                title: string | null;
                department: string | null;
                photoUrl: string | null;
                /** @enum {string} */
                status: 'active' | 'deactivated';
                isBot: boolean;
              }[];
              person: {
                id: string;
                displayName: string;
                title: string | null;
                department: string | null;
                photoUrl: string | null;
                /** @enum {string} */
                status: 'active' | 'deactivated';
                isBot: boolean;
              };
              reports: {
                items: {
                  id: string;
                  displayName: string;
                  title: string | null;
                  department: string | null;
                  photoUrl: string | null;
                  /** @enum {string} */
                  status: 'active' | 'deactivated';
                  isBot: boolean;
                }[];
                nextCursor: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Direct reports, by name
     * @description Token scope: `people:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                displayName: string;
                title: string | null;
                department: string | null;
                photoUrl: string | null;
                /** @enum {string} */
                status: 'active' | 'deactivated';
                isBot: boolean;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}/followers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who follows this person
     * @description Token scope: `people:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                displayName: string;
                title: string | null;
                department: string | null;
                photoUrl: string | null;
                /** @enum {string} */
                status: 'active' | 'deactivated';
                isBot: boolean;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}/following': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Whom this person follows
     * @description Token scope: `people:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                displayName: string;
                title: string | null;
                department: string | null;
                photoUrl: string | null;
                /** @enum {string} */
                status: 'active' | 'deactivated';
                isBot: boolean;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}/follow': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Follow a colleague (idempotent)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              personId: string;
              following: boolean;
              followers: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Stop following (idempotent)
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              personId: string;
              following: boolean;
              followers: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/fields': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every company profile field I may fill, with my value or null
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                label: string;
                /** @enum {string} */
                kind: 'text' | 'url' | 'date';
                order: number;
                /** @enum {string} */
                visibleTo: 'everyone' | 'admins';
                value: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Set my values of the company’s profile fields
     * @description Not available to integration tokens.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            values: {
              [key: string]: string | null;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              fields: {
                id: string;
                label: string;
                /** @enum {string} */
                kind: 'text' | 'url' | 'date';
                order: number;
                /** @enum {string} */
                visibleTo: 'everyone' | 'admins';
                value: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/people/{id}/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Edit a person's profile, including manager and employee id
     * @description Token scope: `people:write`.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            displayName?: string;
            locale?: ('en' | 'fr') | null;
            title?: string | null;
            department?: string | null;
            location?: string | null;
            phone?: string | null;
            about?: string | null;
            skills?: string[];
            managerId?: string | null;
            employeeId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              displayName: string;
              email: string | null;
              /** @enum {string} */
              role: 'owner' | 'admin' | 'member' | 'guest';
              /** @enum {string} */
              status: 'active' | 'deactivated';
              title: string | null;
              department: string | null;
              locale: ('en' | 'fr') | null;
              photoUrl: string | null;
              createdAt: string;
              location: string | null;
              phone: string | null;
              about: string | null;
              skills: string[];
              managerId: string | null;
              employeeId: string | null;
              isBot: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/people/{id}/fields': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set a person's values of the company's profile fields
     * @description Token scope: `people:write`.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            values: {
              [key: string]: string | null;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              fields: {
                id: string;
                label: string;
                /** @enum {string} */
                kind: 'text' | 'url' | 'date';
                order: number;
                /** @enum {string} */
                visibleTo: 'everyone' | 'admins';
                value: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/profile-fields': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The company’s profile fields, in order
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                label: string;
                /** @enum {string} */
                kind: 'text' | 'url' | 'date';
                order: number;
                /** @enum {string} */
                visibleTo: 'everyone' | 'admins';
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Define a profile field
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            label: string;
            /** @enum {string} */
            kind: 'text' | 'url' | 'date';
            order?: number;
            /**
             * @default everyone
             * @enum {string}
             */
            visibleTo?: 'everyone' | 'admins';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              label: string;
              /** @enum {string} */
              kind: 'text' | 'url' | 'date';
              order: number;
              /** @enum {string} */
              visibleTo: 'everyone' | 'admins';
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/profile-fields/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a profile field and every value of it
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Rename, reorder or change who sees a profile field
     * @description Not available to integration tokens.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            label?: string;
            order?: number;
            /** @enum {string} */
            visibleTo?: 'everyone' | 'admins';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              label: string;
              /** @enum {string} */
              kind: 'text' | 'url' | 'date';
              order: number;
              /** @enum {string} */
              visibleTo: 'everyone' | 'admins';
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Groups I may find: mine, to discover, or all; searched by name and purpose
     * @description Token scope: `groups:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          filter?: 'mine' | 'discover';
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                name: string;
                description: string;
                /** @enum {string} */
                visibility: 'open' | 'closed' | 'secret';
                /** @enum {string} */
                postPermission: 'everyone' | 'admins';
                postApproval: boolean;
                isCompanyWide: boolean;
                archivedAt: string | null;
                coverUrl: string | null;
                createdAt: string;
                updatedAt: string;
                memberCount: number;
                membership: {
                  /** @enum {string} */
                  role: 'admin' | 'moderator' | 'member';
                  /** @enum {string} */
                  notify: 'all' | 'highlights' | 'off';
                  joinedAt: string;
                } | null;
                pending: ('request' | 'invite') | null;
                can: {
                  seeMembers: boolean;
                  seePosts: boolean;
                  post: boolean;
                  manage: boolean;
                  moderate: boolean;
                  join: boolean;
                  requestToJoin: boolean;
                };
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create a group; I become its admin
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @default  */
            description?: string;
            /**
             * @default closed
             * @enum {string}
             */
            visibility?: 'open' | 'closed' | 'secret';
            /**
             * @default everyone
             * @enum {string}
             */
            postPermission?: 'everyone' | 'admins';
            /** @default false */
            postApproval?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              description: string;
              /** @enum {string} */
              visibility: 'open' | 'closed' | 'secret';
              /** @enum {string} */
              postPermission: 'everyone' | 'admins';
              postApproval: boolean;
              isCompanyWide: boolean;
              archivedAt: string | null;
              coverUrl: string | null;
              createdAt: string;
              updatedAt: string;
              memberCount: number;
              membership: {
                /** @enum {string} */
                role: 'admin' | 'moderator' | 'member';
                /** @enum {string} */
                notify: 'all' | 'highlights' | 'off';
                joinedAt: string;
              } | null;
              pending: ('request' | 'invite') | null;
              can: {
                seeMembers: boolean;
                seePosts: boolean;
                post: boolean;
                manage: boolean;
                moderate: boolean;
                join: boolean;
                requestToJoin: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The groups a person belongs to, among those I may find (their profile’s list)
     * @description Token scope: `people:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                name: string;
                description: string;
                /** @enum {string} */
                visibility: 'open' | 'closed' | 'secret';
                /** @enum {string} */
                postPermission: 'everyone' | 'admins';
                postApproval: boolean;
                isCompanyWide: boolean;
                archivedAt: string | null;
                coverUrl: string | null;
                createdAt: string;
                updatedAt: string;
                memberCount: number;
                membership: {
                  /** @enum {string} */
                  role: 'admin' | 'moderator' | 'member';
                  /** @enum {string} */
                  notify: 'all' | 'highlights' | 'off';
                  joinedAt: string;
                } | null;
                pending: ('request' | 'invite') | null;
                can: {
                  seeMembers: boolean;
                  seePosts: boolean;
                  post: boolean;
                  manage: boolean;
                  moderate: boolean;
                  join: boolean;
                  requestToJoin: boolean;
                };
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A group I may find
     * @description Token scope: `groups:read`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              description: string;
              /** @enum {string} */
              visibility: 'open' | 'closed' | 'secret';
              /** @enum {string} */
              postPermission: 'everyone' | 'admins';
              postApproval: boolean;
              isCompanyWide: boolean;
              archivedAt: string | null;
              coverUrl: string | null;
              createdAt: string;
              updatedAt: string;
              memberCount: number;
              membership: {
                /** @enum {string} */
                role: 'admin' | 'moderator' | 'member';
                /** @enum {string} */
                notify: 'all' | 'highlights' | 'off';
                joinedAt: string;
              } | null;
              pending: ('request' | 'invite') | null;
              can: {
                seeMembers: boolean;
                seePosts: boolean;
                post: boolean;
                manage: boolean;
                moderate: boolean;
                join: boolean;
                requestToJoin: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change the group’s settings (group admins)
     * @description Not available to integration tokens.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            description?: string;
            /** @enum {string} */
            visibility?: 'open' | 'closed' | 'secret';
            /** @enum {string} */
            postPermission?: 'everyone' | 'admins';
            postApproval?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              description: string;
              /** @enum {string} */
              visibility: 'open' | 'closed' | 'secret';
              /** @enum {string} */
              postPermission: 'everyone' | 'admins';
              postApproval: boolean;
              isCompanyWide: boolean;
              archivedAt: string | null;
              coverUrl: string | null;
              createdAt: string;
              updatedAt: string;
              memberCount: number;
              membership: {
                /** @enum {string} */
                role: 'admin' | 'moderator' | 'member';
                /** @enum {string} */
                notify: 'all' | 'highlights' | 'off';
                joinedAt: string;
              } | null;
              pending: ('request' | 'invite') | null;
              can: {
                seeMembers: boolean;
                seePosts: boolean;
                post: boolean;
                manage: boolean;
                moderate: boolean;
                join: boolean;
                requestToJoin: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/groups/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Archive the group: read-only (group admins)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              description: string;
              /** @enum {string} */
              visibility: 'open' | 'closed' | 'secret';
              /** @enum {string} */
              postPermission: 'everyone' | 'admins';
              postApproval: boolean;
              isCompanyWide: boolean;
              archivedAt: string | null;
              coverUrl: string | null;
              createdAt: string;
              updatedAt: string;
              memberCount: number;
              membership: {
                /** @enum {string} */
                role: 'admin' | 'moderator' | 'member';
                /** @enum {string} */
                notify: 'all' | 'highlights' | 'off';
                joinedAt: string;
              } | null;
              pending: ('request' | 'invite') | null;
              can: {
                seeMembers: boolean;
                seePosts: boolean;
                post: boolean;
                manage: boolean;
                moderate: boolean;
                join: boolean;
                requestToJoin: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{id}/unarchive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Unarchive the group (group admins)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              description: string;
              /** @enum {string} */
              visibility: 'open' | 'closed' | 'secret';
              /** @enum {string} */
              postPermission: 'everyone' | 'admins';
              postApproval: boolean;
              isCompanyWide: boolean;
              archivedAt: string | null;
              coverUrl: string | null;
              createdAt: string;
              updatedAt: string;
              memberCount: number;
              membership: {
                /** @enum {string} */
                role: 'admin' | 'moderator' | 'member';
                /** @enum {string} */
                notify: 'all' | 'highlights' | 'off';
                joinedAt: string;
              } | null;
              pending: ('request' | 'invite') | null;
              can: {
                seeMembers: boolean;
                seePosts: boolean;
                post: boolean;
                manage: boolean;
                moderate: boolean;
                join: boolean;
                requestToJoin: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Members of a group, by name
     * @description Token scope: `groups:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                person: {
                  id: string;
                  displayName: string;
                  email: string | null;
                  /** @enum {string} */
                  role: 'owner' | 'admin' | 'member' | 'guest';
                  /** @enum {string} */
                  status: 'active' | 'deactivated';
                  title: string | null;
                  department: string | null;
                  locale: ('en' | 'fr') | null;
                  photoUrl: string | null;
                  createdAt: string;
                  location: string | null;
                  phone: string | null;
                  about: string | null;
                  skills: string[];
                  managerId: string | null;
                  employeeId: string | null;
                  isBot: boolean;
                };
                /** @enum {string} */
                role: 'admin' | 'moderator' | 'member';
                joinedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{id}/join': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Join an open group (200), ask to join a closed one (202), or accept a pending invitation (200)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'joined' | 'requested';
              group: {
                id: string;
                name: string;
                description: string;
                /** @enum {string} */
                visibility: 'open' | 'closed' | 'secret';
                /** @enum {string} */
                postPermission: 'everyone' | 'admins';
                postApproval: boolean;
                isCompanyWide: boolean;
                archivedAt: string | null;
                coverUrl: string | null;
                createdAt: string;
                updatedAt: string;
                memberCount: number;
                membership: {
                  /** @enum {string} */
                  role: 'admin' | 'moderator' | 'member';
                  /** @enum {string} */
                  notify: 'all' | 'highlights' | 'off';
                  joinedAt: string;
                } | null;
                pending: ('request' | 'invite') | null;
                can: {
                  seeMembers: boolean;
                  seePosts: boolean;
                  post: boolean;
                  manage: boolean;
                  moderate: boolean;
                  join: boolean;
                  requestToJoin: boolean;
                };
              };
              request: {
                id: string;
                groupId: string;
                personId: string;
                /** @enum {string} */
                kind: 'request' | 'invite';
                /** @enum {string} */
                status: 'pending' | 'approved' | 'declined' | 'cancelled';
                createdBy: string;
                decidedBy: string | null;
                createdAt: string;
                decidedAt: string | null;
              } | null;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'joined' | 'requested';
              group: {
                id: string;
                name: string;
                description: string;
                /** @enum {string} */
                visibility: 'open' | 'closed' | 'secret';
                /** @enum {string} */
                postPermission: 'everyone' | 'admins';
                postApproval: boolean;
                isCompanyWide: boolean;
                archivedAt: string | null;
                coverUrl: string | null;
                createdAt: string;
                updatedAt: string;
                memberCount: number;
                membership: {
                  /** @enum {string} */
                  role: 'admin' | 'moderator' | 'member';
                  /** @enum {string} */
                  notify: 'all' | 'highlights' | 'off';
                  joinedAt: string;
                } | null;
                pending: ('request' | 'invite') | null;
                can: {
                  seeMembers: boolean;
                  seePosts: boolean;
                  post: boolean;
                  manage: boolean;
                  moderate: boolean;
                  join: boolean;
                  requestToJoin: boolean;
                };
              };
              request: {
                id: string;
                groupId: string;
                personId: string;
                /** @enum {string} */
                kind: 'request' | 'invite';
                /** @enum {string} */
                status: 'pending' | 'approved' | 'declined' | 'cancelled';
                createdBy: string;
                decidedBy: string | null;
                createdAt: string;
                decidedAt: string | null;
              } | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{id}/leave': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Leave the group (or withdraw my join request); access ends at once
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{id}/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Invite colleagues (group admins and moderators); members and people already invited are skipped
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            personIds: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                groupId: string;
                personId: string;
                /** @enum {string} */
                kind: 'request' | 'invite';
                /** @enum {string} */
                status: 'pending' | 'approved' | 'declined' | 'cancelled';
                createdBy: string;
                decidedBy: string | null;
                createdAt: string;
                decidedAt: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{id}/invitations/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept my invitation to the group
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              description: string;
              /** @enum {string} */
              visibility: 'open' | 'closed' | 'secret';
              /** @enum {string} */
              postPermission: 'everyone' | 'admins';
              postApproval: boolean;
              isCompanyWide: boolean;
              archivedAt: string | null;
              coverUrl: string | null;
              createdAt: string;
              updatedAt: string;
              memberCount: number;
              membership: {
                /** @enum {string} */
                role: 'admin' | 'moderator' | 'member';
                /** @enum {string} */
                notify: 'all' | 'highlights' | 'off';
                joinedAt: string;
              } | null;
              pending: ('request' | 'invite') | null;
              can: {
                seeMembers: boolean;
                seePosts: boolean;
                post: boolean;
                manage: boolean;
                moderate: boolean;
                join: boolean;
                requestToJoin: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{id}/invitations/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decline my invitation to the group
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{id}/requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Pending join requests, oldest first (group admins and moderators)
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                groupId: string;
                personId: string;
                /** @enum {string} */
                kind: 'request' | 'invite';
                /** @enum {string} */
                status: 'pending' | 'approved' | 'declined' | 'cancelled';
                createdBy: string;
                decidedBy: string | null;
                createdAt: string;
                decidedAt: string | null;
                person: {
                  id: string;
                  displayName: string;
                  email: string | null;
                  /** @enum {string} */
                  role: 'owner' | 'admin' | 'member' | 'guest';
                  /** @enum {string} */
                  status: 'active' | 'deactivated';
                  title: string | null;
                  department: string | null;
                  locale: ('en' | 'fr') | null;
                  photoUrl: string | null;
                  createdAt: string;
                  location: string | null;
                  phone: string | null;
                  about: string | null;
                  skills: string[];
                  managerId: string | null;
                  employeeId: string | null;
                  isBot: boolean;
                };
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{id}/requests/{requestId}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a join request (group admins and moderators)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          requestId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              groupId: string;
              personId: string;
              /** @enum {string} */
              kind: 'request' | 'invite';
              /** @enum {string} */
              status: 'pending' | 'approved' | 'declined' | 'cancelled';
              createdBy: string;
              decidedBy: string | null;
              createdAt: string;
              decidedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{id}/requests/{requestId}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decline a join request (group admins and moderators)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          requestId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              groupId: string;
              personId: string;
              /** @enum {string} */
              kind: 'request' | 'invite';
              /** @enum {string} */
              status: 'pending' | 'approved' | 'declined' | 'cancelled';
              createdBy: string;
              decidedBy: string | null;
              createdAt: string;
              decidedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{id}/members/{personId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a member (group admins); their access ends at once
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          personId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a member’s role in the group (group admins)
     * @description Not available to integration tokens.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          personId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            role: 'admin' | 'moderator' | 'member';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              person: {
                id: string;
                displayName: string;
                email: string | null;
                /** @enum {string} */
                role: 'owner' | 'admin' | 'member' | 'guest';
                /** @enum {string} */
                status: 'active' | 'deactivated';
                title: string | null;
                department: string | null;
                locale: ('en' | 'fr') | null;
                photoUrl: string | null;
                createdAt: string;
                location: string | null;
                phone: string | null;
                about: string | null;
                skills: string[];
                managerId: string | null;
                employeeId: string | null;
                isBot: boolean;
              };
              /** @enum {string} */
              role: 'admin' | 'moderator' | 'member';
              joinedAt: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/groups/{id}/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * My notification level for the group
     * @description Not available to integration tokens.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            level: 'all' | 'highlights' | 'off';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              description: string;
              /** @enum {string} */
              visibility: 'open' | 'closed' | 'secret';
              /** @enum {string} */
              postPermission: 'everyone' | 'admins';
              postApproval: boolean;
              isCompanyWide: boolean;
              archivedAt: string | null;
              coverUrl: string | null;
              createdAt: string;
              updatedAt: string;
              memberCount: number;
              membership: {
                /** @enum {string} */
                role: 'admin' | 'moderator' | 'member';
                /** @enum {string} */
                notify: 'all' | 'highlights' | 'off';
                joinedAt: string;
              } | null;
              pending: ('request' | 'invite') | null;
              can: {
                seeMembers: boolean;
                seePosts: boolean;
                post: boolean;
                manage: boolean;
                moderate: boolean;
                join: boolean;
                requestToJoin: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every group of the company, secret ones included: name, visibility, members (no content)
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                name: string;
                /** @enum {string} */
                visibility: 'open' | 'closed' | 'secret';
                isCompanyWide: boolean;
                memberCount: number;
                archivedAt: string | null;
                createdAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{id}/cover': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Upload the group’s cover picture (multipart field "cover"); group admins
     * @description Not available to integration tokens.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              description: string;
              /** @enum {string} */
              visibility: 'open' | 'closed' | 'secret';
              /** @enum {string} */
              postPermission: 'everyone' | 'admins';
              postApproval: boolean;
              isCompanyWide: boolean;
              archivedAt: string | null;
              coverUrl: string | null;
              createdAt: string;
              updatedAt: string;
              memberCount: number;
              membership: {
                /** @enum {string} */
                role: 'admin' | 'moderator' | 'member';
                /** @enum {string} */
                notify: 'all' | 'highlights' | 'off';
                joinedAt: string;
              } | null;
              pending: ('request' | 'invite') | null;
              can: {
                seeMembers: boolean;
                seePosts: boolean;
                post: boolean;
                manage: boolean;
                moderate: boolean;
                join: boolean;
                requestToJoin: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /**
     * Remove the group’s cover picture; group admins
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              description: string;
              /** @enum {string} */
              visibility: 'open' | 'closed' | 'secret';
              /** @enum {string} */
              postPermission: 'everyone' | 'admins';
              postApproval: boolean;
              isCompanyWide: boolean;
              archivedAt: string | null;
              coverUrl: string | null;
              createdAt: string;
              updatedAt: string;
              memberCount: number;
              membership: {
                /** @enum {string} */
                role: 'admin' | 'moderator' | 'member';
                /** @enum {string} */
                notify: 'all' | 'highlights' | 'off';
                joinedAt: string;
              } | null;
              pending: ('request' | 'invite') | null;
              can: {
                seeMembers: boolean;
                seePosts: boolean;
                post: boolean;
                manage: boolean;
                moderate: boolean;
                join: boolean;
                requestToJoin: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/posts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Write a post in a group (groupId) or on my own profile; Markdown with @[Name](person:<id>) mentions
     * @description Token scope: `groups:write`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body: string;
            /** Format: uuid */
            groupId?: string;
            attachmentIds?: string[];
            poll?: {
              options: string[];
              multiple?: boolean;
              /** Format: date-time */
              closesAt?: string;
            };
            event?: {
              title?: string;
              /** Format: date-time */
              startsAt: string;
              /** Format: date-time */
              endsAt?: string;
              place?: string;
            };
            important?: boolean;
            blocks?: (
              | {
                  /** @enum {string} */
                  type: 'text';
                  text: string;
                }
              | {
                  /** @enum {string} */
                  type: 'fields';
                  fields: {
                    label: string;
                    value: string;
                  }[];
                }
              | {
                  /** @enum {string} */
                  type: 'actions';
                  elements: (
                    | {
                        /** @enum {string} */
                        type: 'button';
                        actionId: string;
                        label: string;
                        value?: string;
                        /** @enum {string} */
                        style?: 'primary' | 'danger';
                      }
                    | {
                        /** @enum {string} */
                        type: 'select';
                        actionId: string;
                        placeholder?: string;
                        options: {
                          label: string;
                          value: string;
                        }[];
                        initial?: string;
                      }
                  )[];
                }
              | {
                  /** @enum {string} */
                  type: 'form';
                  actionId: string;
                  title?: string;
                  fields: {
                    name: string;
                    label: string;
                    /** @enum {string} */
                    kind: 'text' | 'textarea' | 'select' | 'date';
                    required?: boolean;
                    placeholder?: string;
                    maxLength?: number;
                    options?: {
                      label: string;
                      value: string;
                    }[];
                  }[];
                  submitLabel: string;
                }
              | {
                  /** @enum {string} */
                  type: 'context';
                  text: string;
                }
              | {
                  /** @enum {string} */
                  type: 'divider';
                }
            )[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              author: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              group: {
                id: string;
                name: string;
                /** @enum {string} */
                visibility: 'open' | 'closed' | 'secret';
              } | null;
              bodyMarkdown: string;
              bodyHtml: string;
              createdAt: string;
              editedAt: string | null;
              pinned: boolean;
              commentsEnabled: boolean;
              counts: {
                comments: number;
                reactions: {
                  like: number;
                  love: number;
                  haha: number;
                  wow: number;
                  sad: number;
                  angry: number;
                };
              };
              viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              /** @enum {string} */
              status: 'published' | 'pending' | 'declined';
              poll: {
                multiple: boolean;
                closesAt: string | null;
                closed: boolean;
                voters: number;
                options: {
                  id: string;
                  text: string;
                  votes: number;
                }[];
                viewerChoices: string[];
              } | null;
              event: {
                title: string | null;
                startsAt: string;
                endsAt: string | null;
                place: string | null;
                counts: {
                  going: number;
                  maybe: number;
                  declined: number;
                };
                viewerAnswer: ('going' | 'maybe' | 'declined') | null;
              } | null;
              announcement: {
                seenByViewer: boolean;
                seenCount: number;
                audienceCount: number;
              } | null;
              can: {
                edit: boolean;
                delete: boolean;
                pin: boolean;
                toggleComments: boolean;
                comment: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/posts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A post I may see
     * @description Token scope: `groups:read`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              author: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              group: {
                id: string;
                name: string;
                /** @enum {string} */
                visibility: 'open' | 'closed' | 'secret';
              } | null;
              bodyMarkdown: string;
              bodyHtml: string;
              createdAt: string;
              editedAt: string | null;
              pinned: boolean;
              commentsEnabled: boolean;
              counts: {
                comments: number;
                reactions: {
                  like: number;
                  love: number;
                  haha: number;
                  wow: number;
                  sad: number;
                  angry: number;
                };
              };
              viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              /** @enum {string} */
              status: 'published' | 'pending' | 'declined';
              poll: {
                multiple: boolean;
                closesAt: string | null;
                closed: boolean;
                voters: number;
                options: {
                  id: string;
                  text: string;
                  votes: number;
                }[];
                viewerChoices: string[];
              } | null;
              event: {
                title: string | null;
                startsAt: string;
                endsAt: string | null;
                place: string | null;
                counts: {
                  going: number;
                  maybe: number;
                  declined: number;
                };
                viewerAnswer: ('going' | 'maybe' | 'declined') | null;
              } | null;
              announcement: {
                seenByViewer: boolean;
                seenCount: number;
                audienceCount: number;
              } | null;
              can: {
                edit: boolean;
                delete: boolean;
                pin: boolean;
                toggleComments: boolean;
                comment: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete a post (its author, the group’s admins and moderators, company admins)
     * @description Token scope: `groups:write`.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Edit the body (the author; the old version is kept) or turn comments on or off (the author or group admins)
     * @description Token scope: `groups:write`.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body?: string;
            commentsEnabled?: boolean;
            blocks?:
              | (
                  | {
                      /** @enum {string} */
                      type: 'text';
                      text: string;
                    }
                  | {
                      /** @enum {string} */
                      type: 'fields';
                      fields: {
                        label: string;
                        value: string;
                      }[];
                    }
                  | {
                      /** @enum {string} */
                      type: 'actions';
                      elements: (
                        | {
                            /** @enum {string} */
                            type: 'button';
                            actionId: string;
                            label: string;
                            value?: string;
                            /** @enum {string} */
                            style?: 'primary' | 'danger';
                          }
                        | {
                            /** @enum {string} */
                            type: 'select';
                            actionId: string;
                            placeholder?: string;
                            options: {
                              label: string;
                              value: string;
                            }[];
                            initial?: string;
                          }
                      )[];
                    }
                  | {
                      /** @enum {string} */
                      type: 'form';
                      actionId: string;
                      title?: string;
                      fields: {
                        name: string;
                        label: string;
                        /** @enum {string} */
                        kind: 'text' | 'textarea' | 'select' | 'date';
                        required?: boolean;
                        placeholder?: string;
                        maxLength?: number;
                        options?: {
                          label: string;
                          value: string;
                        }[];
                      }[];
                      submitLabel: string;
                    }
                  | {
                      /** @enum {string} */
                      type: 'context';
                      text: string;
                    }
                  | {
                      /** @enum {string} */
                      type: 'divider';
                    }
                )[]
              | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              author: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              group: {
                id: string;
                name: string;
                /** @enum {string} */
                visibility: 'open' | 'closed' | 'secret';
              } | null;
              bodyMarkdown: string;
              bodyHtml: string;
              createdAt: string;
              editedAt: string | null;
              pinned: boolean;
              commentsEnabled: boolean;
              counts: {
                comments: number;
                reactions: {
                  like: number;
                  love: number;
                  haha: number;
                  wow: number;
                  sad: number;
                  angry: number;
                };
              };
              viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              /** @enum {string} */
              status: 'published' | 'pending' | 'declined';
              poll: {
                multiple: boolean;
                closesAt: string | null;
                closed: boolean;
                voters: number;
                options: {
                  id: string;
                  text: string;
                  votes: number;
                }[];
                viewerChoices: string[];
              } | null;
              event: {
                title: string | null;
                startsAt: string;
                endsAt: string | null;
                place: string | null;
                counts: {
                  going: number;
                  maybe: number;
                  declined: number;
                };
                viewerAnswer: ('going' | 'maybe' | 'declined') | null;
              } | null;
              announcement: {
                seenByViewer: boolean;
                seenCount: number;
                audienceCount: number;
              } | null;
              can: {
                edit: boolean;
                delete: boolean;
                pin: boolean;
                toggleComments: boolean;
                comment: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/posts/{id}/pin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pin a post to the top of its group (group admins and moderators)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              author: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              group: {
                id: string;
                name: string;
                /** @enum {string} */
                visibility: 'open' | 'closed' | 'secret';
              } | null;
              bodyMarkdown: string;
              bodyHtml: string;
              createdAt: string;
              editedAt: string | null;
              pinned: boolean;
              commentsEnabled: boolean;
              counts: {
                comments: number;
                reactions: {
                  like: number;
                  love: number;
                  haha: number;
                  wow: number;
                  sad: number;
                  angry: number;
                };
              };
              viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              /** @enum {string} */
              status: 'published' | 'pending' | 'declined';
              poll: {
                multiple: boolean;
                closesAt: string | null;
                closed: boolean;
                voters: number;
                options: {
                  id: string;
                  text: string;
                  votes: number;
                }[];
                viewerChoices: string[];
              } | null;
              event: {
                title: string | null;
                startsAt: string;
                endsAt: string | null;
                place: string | null;
                counts: {
                  going: number;
                  maybe: number;
                  declined: number;
                };
                viewerAnswer: ('going' | 'maybe' | 'declined') | null;
              } | null;
              announcement: {
                seenByViewer: boolean;
                seenCount: number;
                audienceCount: number;
              } | null;
              can: {
                edit: boolean;
                delete: boolean;
                pin: boolean;
                toggleComments: boolean;
                comment: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/posts/{id}/unpin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Unpin a post
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              author: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              group: {
                id: string;
                name: string;
                /** @enum {string} */
                visibility: 'open' | 'closed' | 'secret';
              } | null;
              bodyMarkdown: string;
              bodyHtml: string;
              createdAt: string;
              editedAt: string | null;
              pinned: boolean;
              commentsEnabled: boolean;
              counts: {
                comments: number;
                reactions: {
                  like: number;
                  love: number;
                  haha: number;
                  wow: number;
                  sad: number;
                  angry: number;
                };
              };
              viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              /** @enum {string} */
              status: 'published' | 'pending' | 'declined';
              poll: {
                multiple: boolean;
                closesAt: string | null;
                closed: boolean;
                voters: number;
                options: {
                  id: string;
                  text: string;
                  votes: number;
                }[];
                viewerChoices: string[];
              } | null;
              event: {
                title: string | null;
                startsAt: string;
                endsAt: string | null;
                place: string | null;
                counts: {
                  going: number;
                  maybe: number;
                  declined: number;
                };
                viewerAnswer: ('going' | 'maybe' | 'declined') | null;
              } | null;
              announcement: {
                seenByViewer: boolean;
                seenCount: number;
                audienceCount: number;
              } | null;
              can: {
                edit: boolean;
                delete: boolean;
                pin: boolean;
                toggleComments: boolean;
                comment: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/posts/{id}/revisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Earlier versions of a post, newest first
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                bodyMarkdown: string;
                bodyHtml: string;
                writtenAt: string;
                replacedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{id}/posts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A group’s feed: pinned posts first, then newest
     * @description Token scope: `groups:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                author: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                };
                group: {
                  id: string;
                  name: string;
                  /** @enum {string} */
                  visibility: 'open' | 'closed' | 'secret';
                } | null;
                bodyMarkdown: string;
                bodyHtml: string;
                createdAt: string;
                editedAt: string | null;
                pinned: boolean;
                commentsEnabled: boolean;
                counts: {
                  comments: number;
                  reactions: {
                    like: number;
                    love: number;
                    haha: number;
                    wow: number;
                    sad: number;
                    angry: number;
                  };
                };
                viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
                attachments: {
                  id: string;
                  /** @enum {string} */
                  kind: 'image' | 'file';
                  name: string;
                  size: number;
                  mimeType: string;
                  url: string;
                  thumbnailUrl: string | null;
                  width: number | null;
                  height: number | null;
                }[];
                blocks:
                  | (
                      | {
                          /** @enum {string} */
                          type: 'text';
                          text: string;
                          html: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'fields';
                          fields: {
                            label: string;
                            value: string;
                          }[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'actions';
                          elements: (
                            | {
                                /** @enum {string} */
                                type: 'button';
                                actionId: string;
                                label: string;
                                value?: string;
                                /** @enum {string} */
                                style?: 'primary' | 'danger';
                              }
                            | {
                                /** @enum {string} */
                                type: 'select';
                                actionId: string;
                                placeholder?: string;
                                options: {
                                  label: string;
                                  value: string;
                                }[];
                                initial?: string;
                              }
                          )[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'form';
                          actionId: string;
                          title?: string;
                          fields: {
                            name: string;
                            label: string;
                            /** @enum {string} */
                            kind: 'text' | 'textarea' | 'select' | 'date';
                            required?: boolean;
                            placeholder?: string;
                            maxLength?: number;
                            options?: {
                              label: string;
                              value: string;
                            }[];
                          }[];
                          submitLabel: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'context';
                          text: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'divider';
                        }
                    )[]
                  | null;
                /** @enum {string} */
                status: 'published' | 'pending' | 'declined';
                poll: {
                  multiple: boolean;
                  closesAt: string | null;
                  closed: boolean;
                  voters: number;
                  options: {
                    id: string;
                    text: string;
                    votes: number;
                  }[];
                  viewerChoices: string[];
                } | null;
                event: {
                  title: string | null;
                  startsAt: string;
                  endsAt: string | null;
                  place: string | null;
                  counts: {
                    going: number;
                    maybe: number;
                    declined: number;
                  };
                  viewerAnswer: ('going' | 'maybe' | 'declined') | null;
                } | null;
                announcement: {
                  seenByViewer: boolean;
                  seenCount: number;
                  audienceCount: number;
                } | null;
                can: {
                  edit: boolean;
                  delete: boolean;
                  pin: boolean;
                  toggleComments: boolean;
                  comment: boolean;
                };
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}/posts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A person’s posts that I may see: on their profile and in groups, newest first
     * @description Token scope: `groups:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                author: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                };
                group: {
                  id: string;
                  name: string;
                  /** @enum {string} */
                  visibility: 'open' | 'closed' | 'secret';
                } | null;
                bodyMarkdown: string;
                bodyHtml: string;
                createdAt: string;
                editedAt: string | null;
                pinned: boolean;
                commentsEnabled: boolean;
                counts: {
                  comments: number;
                  reactions: {
                    like: number;
                    love: number;
                    haha: number;
                    wow: number;
                    sad: number;
                    angry: number;
                  };
                };
                viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
                attachments: {
                  id: string;
                  /** @enum {string} */
                  kind: 'image' | 'file';
                  name: string;
                  size: number;
                  mimeType: string;
                  url: string;
                  thumbnailUrl: string | null;
                  width: number | null;
                  height: number | null;
                }[];
                blocks:
                  | (
                      | {
                          /** @enum {string} */
                          type: 'text';
                          text: string;
                          html: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'fields';
                          fields: {
                            label: string;
                            value: string;
                          }[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'actions';
                          elements: (
                            | {
                                /** @enum {string} */
                                type: 'button';
                                actionId: string;
                                label: string;
                                value?: string;
                                /** @enum {string} */
                                style?: 'primary' | 'danger';
                              }
                            | {
                                /** @enum {string} */
                                type: 'select';
                                actionId: string;
                                placeholder?: string;
                                options: {
                                  label: string;
                                  value: string;
                                }[];
                                initial?: string;
                              }
                          )[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'form';
                          actionId: string;
                          title?: string;
                          fields: {
                            name: string;
                            label: string;
                            /** @enum {string} */
                            kind: 'text' | 'textarea' | 'select' | 'date';
                            required?: boolean;
                            placeholder?: string;
                            maxLength?: number;
                            options?: {
                              label: string;
                              value: string;
                            }[];
                          }[];
                          submitLabel: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'context';
                          text: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'divider';
                        }
                    )[]
                  | null;
                /** @enum {string} */
                status: 'published' | 'pending' | 'declined';
                poll: {
                  multiple: boolean;
                  closesAt: string | null;
                  closed: boolean;
                  voters: number;
                  options: {
                    id: string;
                    text: string;
                    votes: number;
                  }[];
                  viewerChoices: string[];
                } | null;
                event: {
                  title: string | null;
                  startsAt: string;
                  endsAt: string | null;
                  place: string | null;
                  counts: {
                    going: number;
                    maybe: number;
                    declined: number;
                  };
                  viewerAnswer: ('going' | 'maybe' | 'declined') | null;
                } | null;
                announcement: {
                  seenByViewer: boolean;
                  seenCount: number;
                  audienceCount: number;
                } | null;
                can: {
                  edit: boolean;
                  delete: boolean;
                  pin: boolean;
                  toggleComments: boolean;
                  comment: boolean;
                };
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/posts/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Top-level comments of a post, oldest first, with their reply counts
     * @description Token scope: `groups:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                postId: string;
                parentId: string | null;
                author: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                } | null;
                bodyMarkdown: string | null;
                bodyHtml: string | null;
                createdAt: string;
                editedAt: string | null;
                deleted: boolean;
                replyCount: number;
                counts: {
                  reactions: {
                    like: number;
                    love: number;
                    haha: number;
                    wow: number;
                    sad: number;
                    angry: number;
                  };
                };
                viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Comment on a post, or reply to a comment (parentId); a reply to a reply joins the same thread
     * @description Token scope: `groups:write`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body: string;
            /** Format: uuid */
            parentId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              postId: string;
              parentId: string | null;
              author: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              } | null;
              bodyMarkdown: string | null;
              bodyHtml: string | null;
              createdAt: string;
              editedAt: string | null;
              deleted: boolean;
              replyCount: number;
              counts: {
                reactions: {
                  like: number;
                  love: number;
                  haha: number;
                  wow: number;
                  sad: number;
                  angry: number;
                };
              };
              viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/comments/{id}/replies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Replies to a comment, oldest first
     * @description Token scope: `groups:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                postId: string;
                parentId: string | null;
                author: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                } | null;
                bodyMarkdown: string | null;
                bodyHtml: string | null;
                createdAt: string;
                editedAt: string | null;
                deleted: boolean;
                replyCount: number;
                counts: {
                  reactions: {
                    like: number;
                    love: number;
                    haha: number;
                    wow: number;
                    sad: number;
                    angry: number;
                  };
                };
                viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/comments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a comment (its author, the post’s author, group admins and moderators, company admins); replies stay
     * @description Token scope: `groups:write`.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Edit my comment
     * @description Token scope: `groups:write`.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              postId: string;
              parentId: string | null;
              author: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              } | null;
              bodyMarkdown: string | null;
              bodyHtml: string | null;
              createdAt: string;
              editedAt: string | null;
              deleted: boolean;
              replyCount: number;
              counts: {
                reactions: {
                  like: number;
                  love: number;
                  haha: number;
                  wow: number;
                  sad: number;
                  angry: number;
                };
              };
              viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/posts/{id}/reaction': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * React to a post (replaces my earlier reaction)
     * @description Token scope: `groups:write`.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              author: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              group: {
                id: string;
                name: string;
                /** @enum {string} */
                visibility: 'open' | 'closed' | 'secret';
              } | null;
              bodyMarkdown: string;
              bodyHtml: string;
              createdAt: string;
              editedAt: string | null;
              pinned: boolean;
              commentsEnabled: boolean;
              counts: {
                comments: number;
                reactions: {
                  like: number;
                  love: number;
                  haha: number;
                  wow: number;
                  sad: number;
                  angry: number;
                };
              };
              viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              /** @enum {string} */
              status: 'published' | 'pending' | 'declined';
              poll: {
                multiple: boolean;
                closesAt: string | null;
                closed: boolean;
                voters: number;
                options: {
                  id: string;
                  text: string;
                  votes: number;
                }[];
                viewerChoices: string[];
              } | null;
              event: {
                title: string | null;
                startsAt: string;
                endsAt: string | null;
                place: string | null;
                counts: {
                  going: number;
                  maybe: number;
                  declined: number;
                };
                viewerAnswer: ('going' | 'maybe' | 'declined') | null;
              } | null;
              announcement: {
                seenByViewer: boolean;
                seenCount: number;
                audienceCount: number;
              } | null;
              can: {
                edit: boolean;
                delete: boolean;
                pin: boolean;
                toggleComments: boolean;
                comment: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /**
     * Remove my reaction to a post
     * @description Token scope: `groups:write`.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              author: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              group: {
                id: string;
                name: string;
                /** @enum {string} */
                visibility: 'open' | 'closed' | 'secret';
              } | null;
              bodyMarkdown: string;
              bodyHtml: string;
              createdAt: string;
              editedAt: string | null;
              pinned: boolean;
              commentsEnabled: boolean;
              counts: {
                comments: number;
                reactions: {
                  like: number;
                  love: number;
                  haha: number;
                  wow: number;
                  sad: number;
                  angry: number;
                };
              };
              viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              /** @enum {string} */
              status: 'published' | 'pending' | 'declined';
              poll: {
                multiple: boolean;
                closesAt: string | null;
                closed: boolean;
                voters: number;
                options: {
                  id: string;
                  text: string;
                  votes: number;
                }[];
                viewerChoices: string[];
              } | null;
              event: {
                title: string | null;
                startsAt: string;
                endsAt: string | null;
                place: string | null;
                counts: {
                  going: number;
                  maybe: number;
                  declined: number;
                };
                viewerAnswer: ('going' | 'maybe' | 'declined') | null;
              } | null;
              announcement: {
                seenByViewer: boolean;
                seenCount: number;
                audienceCount: number;
              } | null;
              can: {
                edit: boolean;
                delete: boolean;
                pin: boolean;
                toggleComments: boolean;
                comment: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/posts/{id}/reactions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who reacted to a post, newest first (people I may see), optionally of one kind
     * @description Token scope: `groups:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          kind?: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                person: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                };
                /** @enum {string} */
                kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
                reactedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/comments/{id}/reaction': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * React to a comment (replaces my earlier reaction)
     * @description Token scope: `groups:write`.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              postId: string;
              parentId: string | null;
              author: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              } | null;
              bodyMarkdown: string | null;
              bodyHtml: string | null;
              createdAt: string;
              editedAt: string | null;
              deleted: boolean;
              replyCount: number;
              counts: {
                reactions: {
                  like: number;
                  love: number;
                  haha: number;
                  wow: number;
                  sad: number;
                  angry: number;
                };
              };
              viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /**
     * Remove my reaction to a comment
     * @description Token scope: `groups:write`.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              postId: string;
              parentId: string | null;
              author: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              } | null;
              bodyMarkdown: string | null;
              bodyHtml: string | null;
              createdAt: string;
              editedAt: string | null;
              deleted: boolean;
              replyCount: number;
              counts: {
                reactions: {
                  like: number;
                  love: number;
                  haha: number;
                  wow: number;
                  sad: number;
                  angry: number;
                };
              };
              viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/comments/{id}/reactions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who reacted to a comment, newest first (people I may see), optionally of one kind
     * @description Token scope: `groups:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          kind?: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                person: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                };
                /** @enum {string} */
                kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
                reactedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/posts/{id}/votes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Vote in the post’s poll: my choices replace earlier ones; an empty list takes my vote back
     * @description Not available to integration tokens.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            optionIds: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              author: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              group: {
                id: string;
                name: string;
                /** @enum {string} */
                visibility: 'open' | 'closed' | 'secret';
              } | null;
              bodyMarkdown: string;
              bodyHtml: string;
              createdAt: string;
              editedAt: string | null;
              pinned: boolean;
              commentsEnabled: boolean;
              counts: {
                comments: number;
                reactions: {
                  like: number;
                  love: number;
                  haha: number;
                  wow: number;
                  sad: number;
                  angry: number;
                };
              };
              viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              /** @enum {string} */
              status: 'published' | 'pending' | 'declined';
              poll: {
                multiple: boolean;
                closesAt: string | null;
                closed: boolean;
                voters: number;
                options: {
                  id: string;
                  text: string;
                  votes: number;
                }[];
                viewerChoices: string[];
              } | null;
              event: {
                title: string | null;
                startsAt: string;
                endsAt: string | null;
                place: string | null;
                counts: {
                  going: number;
                  maybe: number;
                  declined: number;
                };
                viewerAnswer: ('going' | 'maybe' | 'declined') | null;
              } | null;
              announcement: {
                seenByViewer: boolean;
                seenCount: number;
                audienceCount: number;
              } | null;
              can: {
                edit: boolean;
                delete: boolean;
                pin: boolean;
                toggleComments: boolean;
                comment: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/posts/{id}/poll/voters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who voted in the post’s poll, newest first (people I may see), optionally for one option
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          optionId?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                person: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                };
                optionId: string;
                votedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/posts/{id}/rsvp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Answer the post’s event: going, maybe or declined (can’t go)
     * @description Not available to integration tokens.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            answer: 'going' | 'maybe' | 'declined';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              author: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              group: {
                id: string;
                name: string;
                /** @enum {string} */
                visibility: 'open' | 'closed' | 'secret';
              } | null;
              bodyMarkdown: string;
              bodyHtml: string;
              createdAt: string;
              editedAt: string | null;
              pinned: boolean;
              commentsEnabled: boolean;
              counts: {
                comments: number;
                reactions: {
                  like: number;
                  love: number;
                  haha: number;
                  wow: number;
                  sad: number;
                  angry: number;
                };
              };
              viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              /** @enum {string} */
              status: 'published' | 'pending' | 'declined';
              poll: {
                multiple: boolean;
                closesAt: string | null;
                closed: boolean;
                voters: number;
                options: {
                  id: string;
                  text: string;
                  votes: number;
                }[];
                viewerChoices: string[];
              } | null;
              event: {
                title: string | null;
                startsAt: string;
                endsAt: string | null;
                place: string | null;
                counts: {
                  going: number;
                  maybe: number;
                  declined: number;
                };
                viewerAnswer: ('going' | 'maybe' | 'declined') | null;
              } | null;
              announcement: {
                seenByViewer: boolean;
                seenCount: number;
                audienceCount: number;
              } | null;
              can: {
                edit: boolean;
                delete: boolean;
                pin: boolean;
                toggleComments: boolean;
                comment: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/posts/{id}/rsvps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who answered the post’s event, newest first (people I may see), optionally with one answer
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          answer?: 'going' | 'maybe' | 'declined';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                person: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                };
                /** @enum {string} */
                answer: 'going' | 'maybe' | 'declined';
                answeredAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/posts/{id}/seen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Mark an announcement seen (again: no change)
     * @description Not available to integration tokens.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              author: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              group: {
                id: string;
                name: string;
                /** @enum {string} */
                visibility: 'open' | 'closed' | 'secret';
              } | null;
              bodyMarkdown: string;
              bodyHtml: string;
              createdAt: string;
              editedAt: string | null;
              pinned: boolean;
              commentsEnabled: boolean;
              counts: {
                comments: number;
                reactions: {
                  like: number;
                  love: number;
                  haha: number;
                  wow: number;
                  sad: number;
                  angry: number;
                };
              };
              viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              /** @enum {string} */
              status: 'published' | 'pending' | 'declined';
              poll: {
                multiple: boolean;
                closesAt: string | null;
                closed: boolean;
                voters: number;
                options: {
                  id: string;
                  text: string;
                  votes: number;
                }[];
                viewerChoices: string[];
              } | null;
              event: {
                title: string | null;
                startsAt: string;
                endsAt: string | null;
                place: string | null;
                counts: {
                  going: number;
                  maybe: number;
                  declined: number;
                };
                viewerAnswer: ('going' | 'maybe' | 'declined') | null;
              } | null;
              announcement: {
                seenByViewer: boolean;
                seenCount: number;
                audienceCount: number;
              } | null;
              can: {
                edit: boolean;
                delete: boolean;
                pin: boolean;
                toggleComments: boolean;
                comment: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/posts/{id}/seen-by': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Members who have (seen=true, latest first) or have not (seen=false, by name) seen an announcement; its author and the group’s admins and moderators
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          seen?: 'true' | 'false';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                person: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                };
                seenAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/posts/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a pending post (the group’s admins and moderators)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              author: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              group: {
                id: string;
                name: string;
                /** @enum {string} */
                visibility: 'open' | 'closed' | 'secret';
              } | null;
              bodyMarkdown: string;
              bodyHtml: string;
              createdAt: string;
              editedAt: string | null;
              pinned: boolean;
              commentsEnabled: boolean;
              counts: {
                comments: number;
                reactions: {
                  like: number;
                  love: number;
                  haha: number;
                  wow: number;
                  sad: number;
                  angry: number;
                };
              };
              viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              /** @enum {string} */
              status: 'published' | 'pending' | 'declined';
              poll: {
                multiple: boolean;
                closesAt: string | null;
                closed: boolean;
                voters: number;
                options: {
                  id: string;
                  text: string;
                  votes: number;
                }[];
                viewerChoices: string[];
              } | null;
              event: {
                title: string | null;
                startsAt: string;
                endsAt: string | null;
                place: string | null;
                counts: {
                  going: number;
                  maybe: number;
                  declined: number;
                };
                viewerAnswer: ('going' | 'maybe' | 'declined') | null;
              } | null;
              announcement: {
                seenByViewer: boolean;
                seenCount: number;
                audienceCount: number;
              } | null;
              can: {
                edit: boolean;
                delete: boolean;
                pin: boolean;
                toggleComments: boolean;
                comment: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/posts/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decline a pending post (the group’s admins and moderators); from then on only its author sees it
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{id}/pending-posts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Posts waiting for approval in a group, oldest first (the group’s admins and moderators)
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                author: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                };
                group: {
                  id: string;
                  name: string;
                  /** @enum {string} */
                  visibility: 'open' | 'closed' | 'secret';
                } | null;
                bodyMarkdown: string;
                bodyHtml: string;
                createdAt: string;
                editedAt: string | null;
                pinned: boolean;
                commentsEnabled: boolean;
                counts: {
                  comments: number;
                  reactions: {
                    like: number;
                    love: number;
                    haha: number;
                    wow: number;
                    sad: number;
                    angry: number;
                  };
                };
                viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
                attachments: {
                  id: string;
                  /** @enum {string} */
                  kind: 'image' | 'file';
                  name: string;
                  size: number;
                  mimeType: string;
                  url: string;
                  thumbnailUrl: string | null;
                  width: number | null;
                  height: number | null;
                }[];
                blocks:
                  | (
                      | {
                          /** @enum {string} */
                          type: 'text';
                          text: string;
                          html: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'fields';
                          fields: {
                            label: string;
                            value: string;
                          }[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'actions';
                          elements: (
                            | {
                                /** @enum {string} */
                                type: 'button';
                                actionId: string;
                                label: string;
                                value?: string;
                                /** @enum {string} */
                                style?: 'primary' | 'danger';
                              }
                            | {
                                /** @enum {string} */
                                type: 'select';
                                actionId: string;
                                placeholder?: string;
                                options: {
                                  label: string;
                                  value: string;
                                }[];
                                initial?: string;
                              }
                          )[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'form';
                          actionId: string;
                          title?: string;
                          fields: {
                            name: string;
                            label: string;
                            /** @enum {string} */
                            kind: 'text' | 'textarea' | 'select' | 'date';
                            required?: boolean;
                            placeholder?: string;
                            maxLength?: number;
                            options?: {
                              label: string;
                              value: string;
                            }[];
                          }[];
                          submitLabel: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'context';
                          text: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'divider';
                        }
                    )[]
                  | null;
                /** @enum {string} */
                status: 'published' | 'pending' | 'declined';
                poll: {
                  multiple: boolean;
                  closesAt: string | null;
                  closed: boolean;
                  voters: number;
                  options: {
                    id: string;
                    text: string;
                    votes: number;
                  }[];
                  viewerChoices: string[];
                } | null;
                event: {
                  title: string | null;
                  startsAt: string;
                  endsAt: string | null;
                  place: string | null;
                  counts: {
                    going: number;
                    maybe: number;
                    declined: number;
                  };
                  viewerAnswer: ('going' | 'maybe' | 'declined') | null;
                } | null;
                announcement: {
                  seenByViewer: boolean;
                  seenCount: number;
                  audienceCount: number;
                } | null;
                can: {
                  edit: boolean;
                  delete: boolean;
                  pin: boolean;
                  toggleComments: boolean;
                  comment: boolean;
                };
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/feed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My home feed: posts from my groups, people I follow and myself, each with why it is there
     * @description `order=recent` (default): newest first. The cursor is the last post’s time and id: posts written while
     *     you read never shift later pages.
     *
     *     `order=top`: posts of the last 7 days (at most 20 per group or person, 300 in all) ordered by
     *     `score = recency + author + group + engagement + announcement`, with
     *     `recency = 100 × 0.5^(age hours / 24)`, `author = min(50, 10 × my reactions and comments on the author’s posts
     *     in the last 30 days)`, `group = min(25, 5 × the same in the post’s group)`,
     *     `engagement = 15 × log2(1 + reactions + 2 × comments)` and `announcement = 1000` for an announcement I have
     *     not marked seen. Every page is computed as of the first page’s time (kept in the cursor), so pages
     *     neither repeat nor skip posts. `why.terms` gives each term, `why.reasons` says them in words.
     *
     *     Token scope: `groups:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          order?: 'recent' | 'top';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                post: {
                  id: string;
                  author: {
                    id: string;
                    displayName: string;
                    photoUrl: string | null;
                    deactivated: boolean;
                    isBot: boolean;
                  };
                  group: {
                    id: string;
                    name: string;
                    /** @enum {string} */
                    visibility: 'open' | 'closed' | 'secret';
                  } | null;
                  bodyMarkdown: string;
                  bodyHtml: string;
                  createdAt: string;
                  editedAt: string | null;
                  pinned: boolean;
                  commentsEnabled: boolean;
                  counts: {
                    comments: number;
                    reactions: {
                      like: number;
                      love: number;
                      haha: number;
                      wow: number;
                      sad: number;
                      angry: number;
                    };
                  };
                  viewerReaction: ('like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry') | null;
                  attachments: {
                    id: string;
                    /** @enum {string} */
                    kind: 'image' | 'file';
                    name: string;
                    size: number;
                    mimeType: string;
                    url: string;
                    thumbnailUrl: string | null;
                    width: number | null;
                    height: number | null;
                  }[];
                  blocks:
                    | (
                        | {
                            /** @enum {string} */
                            type: 'text';
                            text: string;
                            html: string;
                          }
                        | {
                            /** @enum {string} */
                            type: 'fields';
                            fields: {
                              label: string;
                              value: string;
                            }[];
                          }
                        | {
                            /** @enum {string} */
                            type: 'actions';
                            elements: (
                              | {
                                  /** @enum {string} */
                                  type: 'button';
                                  actionId: string;
                                  label: string;
                                  value?: string;
                                  /** @enum {string} */
                                  style?: 'primary' | 'danger';
                                }
                              | {
                                  /** @enum {string} */
                                  type: 'select';
                                  actionId: string;
                                  placeholder?: string;
                                  options: {
                                    label: string;
                                    value: string;
                                  }[];
                                  initial?: string;
                                }
                            )[];
                          }
                        | {
                            /** @enum {string} */
                            type: 'form';
                            actionId: string;
                            title?: string;
                            fields: {
                              name: string;
                              label: string;
                              /** @enum {string} */
                              kind: 'text' | 'textarea' | 'select' | 'date';
                              required?: boolean;
                              placeholder?: string;
                              maxLength?: number;
                              options?: {
                                label: string;
                                value: string;
                              }[];
                            }[];
                            submitLabel: string;
                          }
                        | {
                            /** @enum {string} */
                            type: 'context';
                            text: string;
                          }
                        | {
                            /** @enum {string} */
                            type: 'divider';
                          }
                      )[]
                    | null;
                  /** @enum {string} */
                  status: 'published' | 'pending' | 'declined';
                  poll: {
                    multiple: boolean;
                    closesAt: string | null;
                    closed: boolean;
                    voters: number;
                    options: {
                      id: string;
                      text: string;
                      votes: number;
                    }[];
                    viewerChoices: string[];
                  } | null;
                  event: {
                    title: string | null;
                    startsAt: string;
                    endsAt: string | null;
                    place: string | null;
                    counts: {
                      going: number;
                      maybe: number;
                      declined: number;
                    };
                    viewerAnswer: ('going' | 'maybe' | 'declined') | null;
                  } | null;
                  announcement: {
                    seenByViewer: boolean;
                    seenCount: number;
                    audienceCount: number;
                  } | null;
                  can: {
                    edit: boolean;
                    delete: boolean;
                    pin: boolean;
                    toggleComments: boolean;
                    comment: boolean;
                  };
                };
                why: {
                  reasons: {
                    /** @enum {string} */
                    kind:
                      | 'member_of_group'
                      | 'follows_author'
                      | 'own_post'
                      | 'announcement'
                      | 'popular'
                      | 'interacted_with_author'
                      | 'interacted_with_group'
                      | 'recent';
                    groupId?: string;
                    groupName?: string;
                    authorId?: string;
                    authorName?: string;
                    count?: number;
                    text: string;
                  }[];
                  score?: number;
                  terms?: {
                    recency: number;
                    author: number;
                    group: number;
                    engagement: number;
                    announcement: number;
                  };
                };
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My notifications, newest activity first (only about what I may still see); unread=true for unread ones
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          unread?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** @enum {string} */
                kind:
                  | 'mention_post'
                  | 'mention_comment'
                  | 'comment'
                  | 'reply'
                  | 'reaction_post'
                  | 'reaction_comment'
                  | 'group_post'
                  | 'post_pinned'
                  | 'announcement'
                  | 'post_pending'
                  | 'post_approved'
                  | 'post_declined'
                  | 'group_invite'
                  | 'join_request'
                  | 'request_approved'
                  | 'request_declined'
                  | 'chat_mention'
                  | 'chat_message'
                  | 'call_missed';
                actors: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                }[];
                actorCount: number;
                postId: string | null;
                commentId: string | null;
                groupId: string | null;
                groupName: string | null;
                conversationId: string | null;
                messageId: string | null;
                excerpt: string | null;
                createdAt: string;
                updatedAt: string;
                read: boolean;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/unread-count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The badge: my unread notifications
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              unreadCount: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark one notification read (my other devices hear of it)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              unreadCount: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark all my notifications read (my other devices hear of it)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              unreadCount: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conversations/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * History, ascending by seq: the newest page, or older than `before` (scrolling up), or newer than `after` (catching up)
     * @description Token scope: `chat:read`.
     */
    get: {
      parameters: {
        query?: {
          before?: number;
          after?: number;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                conversationId: string;
                seq: number;
                /** @enum {string} */
                kind: 'text' | 'system';
                sender: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                };
                body: string;
                html: string;
                clientKey: string | null;
                replyTo: {
                  id: string;
                  seq: number;
                  senderId: string;
                  senderName: string;
                  excerpt: string | null;
                  deleted: boolean;
                } | null;
                attachments: {
                  id: string;
                  /** @enum {string} */
                  kind: 'image' | 'file';
                  name: string;
                  size: number;
                  mimeType: string;
                  url: string;
                  thumbnailUrl: string | null;
                  width: number | null;
                  height: number | null;
                }[];
                post: {
                  id: string;
                  visible: boolean;
                  excerpt: string | null;
                  groupName: string | null;
                } | null;
                reactions: {
                  /** @enum {string} */
                  kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
                  personIds: string[];
                }[];
                mentions: string[];
                system: {
                  /** @enum {string} */
                  action: 'created' | 'added' | 'removed' | 'left' | 'renamed' | 'call';
                  personIds: string[];
                  name: string | null;
                } | null;
                blocks:
                  | (
                      | {
                          /** @enum {string} */
                          type: 'text';
                          text: string;
                          html: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'fields';
                          fields: {
                            label: string;
                            value: string;
                          }[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'actions';
                          elements: (
                            | {
                                /** @enum {string} */
                                type: 'button';
                                actionId: string;
                                label: string;
                                value?: string;
                                /** @enum {string} */
                                style?: 'primary' | 'danger';
                              }
                            | {
                                /** @enum {string} */
                                type: 'select';
                                actionId: string;
                                placeholder?: string;
                                options: {
                                  label: string;
                                  value: string;
                                }[];
                                initial?: string;
                              }
                          )[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'form';
                          actionId: string;
                          title?: string;
                          fields: {
                            name: string;
                            label: string;
                            /** @enum {string} */
                            kind: 'text' | 'textarea' | 'select' | 'date';
                            required?: boolean;
                            placeholder?: string;
                            maxLength?: number;
                            options?: {
                              label: string;
                              value: string;
                            }[];
                          }[];
                          submitLabel: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'context';
                          text: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'divider';
                        }
                    )[]
                  | null;
                call: {
                  callId: string;
                  /** @enum {string} */
                  media: 'audio' | 'video';
                  /** @enum {string} */
                  state: 'ringing' | 'active' | 'ended';
                  outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
                  durationS: number | null;
                } | null;
                createdAt: string;
                editedAt: string | null;
                deletedAt: string | null;
              }[];
              hasMore: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Send a message (Markdown with @[Name](person:<id>) mentions of participants). A retry with the same clientKey returns the first message with 200
     * @description Token scope: `chat:write`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            clientKey: string;
            body: string;
            /** Format: uuid */
            replyToId?: string;
            attachmentIds?: string[];
            /** Format: uuid */
            postId?: string;
            blocks?: (
              | {
                  /** @enum {string} */
                  type: 'text';
                  text: string;
                }
              | {
                  /** @enum {string} */
                  type: 'fields';
                  fields: {
                    label: string;
                    value: string;
                  }[];
                }
              | {
                  /** @enum {string} */
                  type: 'actions';
                  elements: (
                    | {
                        /** @enum {string} */
                        type: 'button';
                        actionId: string;
                        label: string;
                        value?: string;
                        /** @enum {string} */
                        style?: 'primary' | 'danger';
                      }
                    | {
                        /** @enum {string} */
                        type: 'select';
                        actionId: string;
                        placeholder?: string;
                        options: {
                          label: string;
                          value: string;
                        }[];
                        initial?: string;
                      }
                  )[];
                }
              | {
                  /** @enum {string} */
                  type: 'form';
                  actionId: string;
                  title?: string;
                  fields: {
                    name: string;
                    label: string;
                    /** @enum {string} */
                    kind: 'text' | 'textarea' | 'select' | 'date';
                    required?: boolean;
                    placeholder?: string;
                    maxLength?: number;
                    options?: {
                      label: string;
                      value: string;
                    }[];
                  }[];
                  submitLabel: string;
                }
              | {
                  /** @enum {string} */
                  type: 'context';
                  text: string;
                }
              | {
                  /** @enum {string} */
                  type: 'divider';
                }
            )[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              conversationId: string;
              seq: number;
              /** @enum {string} */
              kind: 'text' | 'system';
              sender: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              body: string;
              html: string;
              clientKey: string | null;
              replyTo: {
                id: string;
                seq: number;
                senderId: string;
                senderName: string;
                excerpt: string | null;
                deleted: boolean;
              } | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              post: {
                id: string;
                visible: boolean;
                excerpt: string | null;
                groupName: string | null;
              } | null;
              reactions: {
                /** @enum {string} */
                kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
                personIds: string[];
              }[];
              mentions: string[];
              system: {
                /** @enum {string} */
                action: 'created' | 'added' | 'removed' | 'left' | 'renamed' | 'call';
                personIds: string[];
                name: string | null;
              } | null;
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              call: {
                callId: string;
                /** @enum {string} */
                media: 'audio' | 'video';
                /** @enum {string} */
                state: 'ringing' | 'active' | 'ended';
                outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
                durationS: number | null;
              } | null;
              createdAt: string;
              editedAt: string | null;
              deletedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              conversationId: string;
              seq: number;
              /** @enum {string} */
              kind: 'text' | 'system';
              sender: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              body: string;
              html: string;
              clientKey: string | null;
              replyTo: {
                id: string;
                seq: number;
                senderId: string;
                senderName: string;
                excerpt: string | null;
                deleted: boolean;
              } | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              post: {
                id: string;
                visible: boolean;
                excerpt: string | null;
                groupName: string | null;
              } | null;
              reactions: {
                /** @enum {string} */
                kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
                personIds: string[];
              }[];
              mentions: string[];
              system: {
                /** @enum {string} */
                action: 'created' | 'added' | 'removed' | 'left' | 'renamed' | 'call';
                personIds: string[];
                name: string | null;
              } | null;
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              call: {
                callId: string;
                /** @enum {string} */
                media: 'audio' | 'video';
                /** @enum {string} */
                state: 'ringing' | 'active' | 'ended';
                outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
                durationS: number | null;
              } | null;
              createdAt: string;
              editedAt: string | null;
              deletedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/messages/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete my own message: it stays as a tombstone in its place
     * @description Token scope: `chat:write`.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              conversationId: string;
              seq: number;
              /** @enum {string} */
              kind: 'text' | 'system';
              sender: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              body: string;
              html: string;
              clientKey: string | null;
              replyTo: {
                id: string;
                seq: number;
                senderId: string;
                senderName: string;
                excerpt: string | null;
                deleted: boolean;
              } | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              post: {
                id: string;
                visible: boolean;
                excerpt: string | null;
                groupName: string | null;
              } | null;
              reactions: {
                /** @enum {string} */
                kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
                personIds: string[];
              }[];
              mentions: string[];
              system: {
                /** @enum {string} */
                action: 'created' | 'added' | 'removed' | 'left' | 'renamed' | 'call';
                personIds: string[];
                name: string | null;
              } | null;
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              call: {
                callId: string;
                /** @enum {string} */
                media: 'audio' | 'video';
                /** @enum {string} */
                state: 'ringing' | 'active' | 'ended';
                outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
                durationS: number | null;
              } | null;
              createdAt: string;
              editedAt: string | null;
              deletedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Edit my own message (marked edited)
     * @description Token scope: `chat:write`.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body?: string;
            blocks?:
              | (
                  | {
                      /** @enum {string} */
                      type: 'text';
                      text: string;
                    }
                  | {
                      /** @enum {string} */
                      type: 'fields';
                      fields: {
                        label: string;
                        value: string;
                      }[];
                    }
                  | {
                      /** @enum {string} */
                      type: 'actions';
                      elements: (
                        | {
                            /** @enum {string} */
                            type: 'button';
                            actionId: string;
                            label: string;
                            value?: string;
                            /** @enum {string} */
                            style?: 'primary' | 'danger';
                          }
                        | {
                            /** @enum {string} */
                            type: 'select';
                            actionId: string;
                            placeholder?: string;
                            options: {
                              label: string;
                              value: string;
                            }[];
                            initial?: string;
                          }
                      )[];
                    }
                  | {
                      /** @enum {string} */
                      type: 'form';
                      actionId: string;
                      title?: string;
                      fields: {
                        name: string;
                        label: string;
                        /** @enum {string} */
                        kind: 'text' | 'textarea' | 'select' | 'date';
                        required?: boolean;
                        placeholder?: string;
                        maxLength?: number;
                        options?: {
                          label: string;
                          value: string;
                        }[];
                      }[];
                      submitLabel: string;
                    }
                  | {
                      /** @enum {string} */
                      type: 'context';
                      text: string;
                    }
                  | {
                      /** @enum {string} */
                      type: 'divider';
                    }
                )[]
              | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              conversationId: string;
              seq: number;
              /** @enum {string} */
              kind: 'text' | 'system';
              sender: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              body: string;
              html: string;
              clientKey: string | null;
              replyTo: {
                id: string;
                seq: number;
                senderId: string;
                senderName: string;
                excerpt: string | null;
                deleted: boolean;
              } | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              post: {
                id: string;
                visible: boolean;
                excerpt: string | null;
                groupName: string | null;
              } | null;
              reactions: {
                /** @enum {string} */
                kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
                personIds: string[];
              }[];
              mentions: string[];
              system: {
                /** @enum {string} */
                action: 'created' | 'added' | 'removed' | 'left' | 'renamed' | 'call';
                personIds: string[];
                name: string | null;
              } | null;
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              call: {
                callId: string;
                /** @enum {string} */
                media: 'audio' | 'video';
                /** @enum {string} */
                state: 'ringing' | 'active' | 'ended';
                outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
                durationS: number | null;
              } | null;
              createdAt: string;
              editedAt: string | null;
              deletedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/messages/{id}/reaction': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * React to a message (replaces my earlier reaction)
     * @description Token scope: `chat:write`.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              conversationId: string;
              seq: number;
              /** @enum {string} */
              kind: 'text' | 'system';
              sender: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              body: string;
              html: string;
              clientKey: string | null;
              replyTo: {
                id: string;
                seq: number;
                senderId: string;
                senderName: string;
                excerpt: string | null;
                deleted: boolean;
              } | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              post: {
                id: string;
                visible: boolean;
                excerpt: string | null;
                groupName: string | null;
              } | null;
              reactions: {
                /** @enum {string} */
                kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
                personIds: string[];
              }[];
              mentions: string[];
              system: {
                /** @enum {string} */
                action: 'created' | 'added' | 'removed' | 'left' | 'renamed' | 'call';
                personIds: string[];
                name: string | null;
              } | null;
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              call: {
                callId: string;
                /** @enum {string} */
                media: 'audio' | 'video';
                /** @enum {string} */
                state: 'ringing' | 'active' | 'ended';
                outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
                durationS: number | null;
              } | null;
              createdAt: string;
              editedAt: string | null;
              deletedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /**
     * Remove my reaction to a message
     * @description Token scope: `chat:write`.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              conversationId: string;
              seq: number;
              /** @enum {string} */
              kind: 'text' | 'system';
              sender: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              };
              body: string;
              html: string;
              clientKey: string | null;
              replyTo: {
                id: string;
                seq: number;
                senderId: string;
                senderName: string;
                excerpt: string | null;
                deleted: boolean;
              } | null;
              attachments: {
                id: string;
                /** @enum {string} */
                kind: 'image' | 'file';
                name: string;
                size: number;
                mimeType: string;
                url: string;
                thumbnailUrl: string | null;
                width: number | null;
                height: number | null;
              }[];
              post: {
                id: string;
                visible: boolean;
                excerpt: string | null;
                groupName: string | null;
              } | null;
              reactions: {
                /** @enum {string} */
                kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
                personIds: string[];
              }[];
              mentions: string[];
              system: {
                /** @enum {string} */
                action: 'created' | 'added' | 'removed' | 'left' | 'renamed' | 'call';
                personIds: string[];
                name: string | null;
              } | null;
              blocks:
                | (
                    | {
                        /** @enum {string} */
                        type: 'text';
                        text: string;
                        html: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'fields';
                        fields: {
                          label: string;
                          value: string;
                        }[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'actions';
                        elements: (
                          | {
                              /** @enum {string} */
                              type: 'button';
                              actionId: string;
                              label: string;
                              value?: string;
                              /** @enum {string} */
                              style?: 'primary' | 'danger';
                            }
                          | {
                              /** @enum {string} */
                              type: 'select';
                              actionId: string;
                              placeholder?: string;
                              options: {
                                label: string;
                                value: string;
                              }[];
                              initial?: string;
                            }
                        )[];
                      }
                    | {
                        /** @enum {string} */
                        type: 'form';
                        actionId: string;
                        title?: string;
                        fields: {
                          name: string;
                          label: string;
                          /** @enum {string} */
                          kind: 'text' | 'textarea' | 'select' | 'date';
                          required?: boolean;
                          placeholder?: string;
                          maxLength?: number;
                          options?: {
                            label: string;
                            value: string;
                          }[];
                        }[];
                        submitLabel: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'context';
                        text: string;
                      }
                    | {
                        /** @enum {string} */
                        type: 'divider';
                      }
                  )[]
                | null;
              call: {
                callId: string;
                /** @enum {string} */
                media: 'audio' | 'video';
                /** @enum {string} */
                state: 'ringing' | 'active' | 'ended';
                outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
                durationS: number | null;
              } | null;
              createdAt: string;
              editedAt: string | null;
              deletedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My conversations, newest activity first; filter all (not archived), unread or archived; q searches names
     * @description Token scope: `chat:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          filter?: 'all' | 'unread' | 'archived';
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** @enum {string} */
                kind: 'direct' | 'group' | 'linked';
                name: string | null;
                group: {
                  id: string;
                  name: string;
                } | null;
                memberCount: number;
                people: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                }[];
                lastSeq: number;
                lastMessage: {
                  id: string;
                  conversationId: string;
                  seq: number;
                  /** @enum {string} */
                  kind: 'text' | 'system';
                  sender: {
                    id: string;
                    displayName: string;
                    photoUrl: string | null;
                    deactivated: boolean;
                    isBot: boolean;
                  };
                  body: string;
                  html: string;
                  clientKey: string | null;
                  replyTo: {
                    id: string;
                    seq: number;
                    senderId: string;
                    senderName: string;
                    excerpt: string | null;
                    deleted: boolean;
                  } | null;
                  attachments: {
                    id: string;
                    /** @enum {string} */
                    kind: 'image' | 'file';
                    name: string;
                    size: number;
                    mimeType: string;
                    url: string;
                    thumbnailUrl: string | null;
                    width: number | null;
                    height: number | null;
                  }[];
                  post: {
                    id: string;
                    visible: boolean;
                    excerpt: string | null;
                    groupName: string | null;
                  } | null;
                  reactions: {
                    /** @enum {string} */
                    kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
                    personIds: string[];
                  }[];
                  mentions: string[];
                  system: {
                    /** @enum {string} */
                    action: 'created' | 'added' | 'removed' | 'left' | 'renamed' | 'call';
                    personIds: string[];
                    name: string | null;
                  } | null;
                  blocks:
                    | (
                        | {
                            /** @enum {string} */
                            type: 'text';
                            text: string;
                            html: string;
                          }
                        | {
                            /** @enum {string} */
                            type: 'fields';
                            fields: {
                              label: string;
                              value: string;
                            }[];
                          }
                        | {
                            /** @enum {string} */
                            type: 'actions';
                            elements: (
                              | {
                                  /** @enum {string} */
                                  type: 'button';
                                  actionId: string;
                                  label: string;
                                  value?: string;
                                  /** @enum {string} */
                                  style?: 'primary' | 'danger';
                                }
                              | {
                                  /** @enum {string} */
                                  type: 'select';
                                  actionId: string;
                                  placeholder?: string;
                                  options: {
                                    label: string;
                                    value: string;
                                  }[];
                                  initial?: string;
                                }
                            )[];
                          }
                        | {
                            /** @enum {string} */
                            type: 'form';
                            actionId: string;
                            title?: string;
                            fields: {
                              name: string;
                              label: string;
                              /** @enum {string} */
                              kind: 'text' | 'textarea' | 'select' | 'date';
                              required?: boolean;
                              placeholder?: string;
                              maxLength?: number;
                              options?: {
                                label: string;
                                value: string;
                              }[];
                            }[];
                            submitLabel: string;
                          }
                        | {
                            /** @enum {string} */
                            type: 'context';
                            text: string;
                          }
                        | {
                            /** @enum {string} */
                            type: 'divider';
                          }
                      )[]
                    | null;
                  call: {
                    callId: string;
                    /** @enum {string} */
                    media: 'audio' | 'video';
                    /** @enum {string} */
                    state: 'ringing' | 'active' | 'ended';
                    outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
                    durationS: number | null;
                  } | null;
                  createdAt: string;
                  editedAt: string | null;
                  deletedAt: string | null;
                } | null;
                lastActivityAt: string;
                unreadCount: number;
                lastReadSeq: number;
                muted: boolean;
                archived: boolean;
                can: {
                  rename: boolean;
                  addPeople: boolean;
                  removePeople: boolean;
                  leave: boolean;
                };
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Start a conversation: one-to-one (the existing one if any: 200), a group conversation, or the chat of a group I am in
     * @description Token scope: `chat:write`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                /** @enum {string} */
                kind: 'direct';
                /** Format: uuid */
                personId: string;
              }
            | {
                /** @enum {string} */
                kind: 'group';
                name?: string;
                personIds: string[];
              }
            | {
                /** @enum {string} */
                kind: 'linked';
                /** Format: uuid */
                groupId: string;
              };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind: 'direct' | 'group' | 'linked';
              name: string | null;
              group: {
                id: string;
                name: string;
              } | null;
              memberCount: number;
              people: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              }[];
              lastSeq: number;
              lastMessage: {
                id: string;
                conversationId: string;
                seq: number;
                /** @enum {string} */
                kind: 'text' | 'system';
                sender: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                };
                body: string;
                html: string;
                clientKey: string | null;
                replyTo: {
                  id: string;
                  seq: number;
                  senderId: string;
                  senderName: string;
                  excerpt: string | null;
                  deleted: boolean;
                } | null;
                attachments: {
                  id: string;
                  /** @enum {string} */
                  kind: 'image' | 'file';
                  name: string;
                  size: number;
                  mimeType: string;
                  url: string;
                  thumbnailUrl: string | null;
                  width: number | null;
                  height: number | null;
                }[];
                post: {
                  id: string;
                  visible: boolean;
                  excerpt: string | null;
                  groupName: string | null;
                } | null;
                reactions: {
                  /** @enum {string} */
                  kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
                  personIds: string[];
                }[];
                mentions: string[];
                system: {
                  /** @enum {string} */
                  action: 'created' | 'added' | 'removed' | 'left' | 'renamed' | 'call';
                  personIds: string[];
                  name: string | null;
                } | null;
                blocks:
                  | (
                      | {
                          /** @enum {string} */
                          type: 'text';
                          text: string;
                          html: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'fields';
                          fields: {
                            label: string;
                            value: string;
                          }[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'actions';
                          elements: (
                            | {
                                /** @enum {string} */
                                type: 'button';
                                actionId: string;
                                label: string;
                                value?: string;
                                /** @enum {string} */
                                style?: 'primary' | 'danger';
                              }
                            | {
                                /** @enum {string} */
                                type: 'select';
                                actionId: string;
                                placeholder?: string;
                                options: {
                                  label: string;
                                  value: string;
                                }[];
                                initial?: string;
                              }
                          )[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'form';
                          actionId: string;
                          title?: string;
                          fields: {
                            name: string;
                            label: string;
                            /** @enum {string} */
                            kind: 'text' | 'textarea' | 'select' | 'date';
                            required?: boolean;
                            placeholder?: string;
                            maxLength?: number;
                            options?: {
                              label: string;
                              value: string;
                            }[];
                          }[];
                          submitLabel: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'context';
                          text: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'divider';
                        }
                    )[]
                  | null;
                call: {
                  callId: string;
                  /** @enum {string} */
                  media: 'audio' | 'video';
                  /** @enum {string} */
                  state: 'ringing' | 'active' | 'ended';
                  outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
                  durationS: number | null;
                } | null;
                createdAt: string;
                editedAt: string | null;
                deletedAt: string | null;
              } | null;
              lastActivityAt: string;
              unreadCount: number;
              lastReadSeq: number;
              muted: boolean;
              archived: boolean;
              can: {
                rename: boolean;
                addPeople: boolean;
                removePeople: boolean;
                leave: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind: 'direct' | 'group' | 'linked';
              name: string | null;
              group: {
                id: string;
                name: string;
              } | null;
              memberCount: number;
              people: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              }[];
              lastSeq: number;
              lastMessage: {
                id: string;
                conversationId: string;
                seq: number;
                /** @enum {string} */
                kind: 'text' | 'system';
                sender: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                };
                body: string;
                html: string;
                clientKey: string | null;
                replyTo: {
                  id: string;
                  seq: number;
                  senderId: string;
                  senderName: string;
                  excerpt: string | null;
                  deleted: boolean;
                } | null;
                attachments: {
                  id: string;
                  /** @enum {string} */
                  kind: 'image' | 'file';
                  name: string;
                  size: number;
                  mimeType: string;
                  url: string;
                  thumbnailUrl: string | null;
                  width: number | null;
                  height: number | null;
                }[];
                post: {
                  id: string;
                  visible: boolean;
                  excerpt: string | null;
                  groupName: string | null;
                } | null;
                reactions: {
                  /** @enum {string} */
                  kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
                  personIds: string[];
                }[];
                mentions: string[];
                system: {
                  /** @enum {string} */
                  action: 'created' | 'added' | 'removed' | 'left' | 'renamed' | 'call';
                  personIds: string[];
                  name: string | null;
                } | null;
                blocks:
                  | (
                      | {
                          /** @enum {string} */
                          type: 'text';
                          text: string;
                          html: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'fields';
                          fields: {
                            label: string;
                            value: string;
                          }[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'actions';
                          elements: (
                            | {
                                /** @enum {string} */
                                type: 'button';
                                actionId: string;
                                label: string;
                                value?: string;
                                /** @enum {string} */
                                style?: 'primary' | 'danger';
                              }
                            | {
                                /** @enum {string} */
                                type: 'select';
                                actionId: string;
                                placeholder?: string;
                                options: {
                                  label: string;
                                  value: string;
                                }[];
                                initial?: string;
                              }
                          )[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'form';
                          actionId: string;
                          title?: string;
                          fields: {
                            name: string;
                            label: string;
                            /** @enum {string} */
                            kind: 'text' | 'textarea' | 'select' | 'date';
                            required?: boolean;
                            placeholder?: string;
                            maxLength?: number;
                            options?: {
                              label: string;
                              value: string;
                            }[];
                          }[];
                          submitLabel: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'context';
                          text: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'divider';
                        }
                    )[]
                  | null;
                call: {
                  callId: string;
                  /** @enum {string} */
                  media: 'audio' | 'video';
                  /** @enum {string} */
                  state: 'ringing' | 'active' | 'ended';
                  outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
                  durationS: number | null;
                } | null;
                createdAt: string;
                editedAt: string | null;
                deletedAt: string | null;
              } | null;
              lastActivityAt: string;
              unreadCount: number;
              lastReadSeq: number;
              muted: boolean;
              archived: boolean;
              can: {
                rename: boolean;
                addPeople: boolean;
                removePeople: boolean;
                leave: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conversations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A conversation I am in
     * @description Token scope: `chat:read`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind: 'direct' | 'group' | 'linked';
              name: string | null;
              group: {
                id: string;
                name: string;
              } | null;
              memberCount: number;
              people: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              }[];
              lastSeq: number;
              lastMessage: {
                id: string;
                conversationId: string;
                seq: number;
                /** @enum {string} */
                kind: 'text' | 'system';
                sender: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                };
                body: string;
                html: string;
                clientKey: string | null;
                replyTo: {
                  id: string;
                  seq: number;
                  senderId: string;
                  senderName: string;
                  excerpt: string | null;
                  deleted: boolean;
                } | null;
                attachments: {
                  id: string;
                  /** @enum {string} */
                  kind: 'image' | 'file';
                  name: string;
                  size: number;
                  mimeType: string;
                  url: string;
                  thumbnailUrl: string | null;
                  width: number | null;
                  height: number | null;
                }[];
                post: {
                  id: string;
                  visible: boolean;
                  excerpt: string | null;
                  groupName: string | null;
                } | null;
                reactions: {
                  /** @enum {string} */
                  kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
                  personIds: string[];
                }[];
                mentions: string[];
                system: {
                  /** @enum {string} */
                  action: 'created' | 'added' | 'removed' | 'left' | 'renamed' | 'call';
                  personIds: string[];
                  name: string | null;
                } | null;
                blocks:
                  | (
                      | {
                          /** @enum {string} */
                          type: 'text';
                          text: string;
                          html: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'fields';
                          fields: {
                            label: string;
                            value: string;
                          }[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'actions';
                          elements: (
                            | {
                                /** @enum {string} */
                                type: 'button';
                                actionId: string;
                                label: string;
                                value?: string;
                                /** @enum {string} */
                                style?: 'primary' | 'danger';
                              }
                            | {
                                /** @enum {string} */
                                type: 'select';
                                actionId: string;
                                placeholder?: string;
                                options: {
                                  label: string;
                                  value: string;
                                }[];
                                initial?: string;
                              }
                          )[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'form';
                          actionId: string;
                          title?: string;
                          fields: {
                            name: string;
                            label: string;
                            /** @enum {string} */
                            kind: 'text' | 'textarea' | 'select' | 'date';
                            required?: boolean;
                            placeholder?: string;
                            maxLength?: number;
                            options?: {
                              label: string;
                              value: string;
                            }[];
                          }[];
                          submitLabel: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'context';
                          text: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'divider';
                        }
                    )[]
                  | null;
                call: {
                  callId: string;
                  /** @enum {string} */
                  media: 'audio' | 'video';
                  /** @enum {string} */
                  state: 'ringing' | 'active' | 'ended';
                  outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
                  durationS: number | null;
                } | null;
                createdAt: string;
                editedAt: string | null;
                deletedAt: string | null;
              } | null;
              lastActivityAt: string;
              unreadCount: number;
              lastReadSeq: number;
              muted: boolean;
              archived: boolean;
              can: {
                rename: boolean;
                addPeople: boolean;
                removePeople: boolean;
                leave: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Rename a group conversation (any of its people; an empty name clears it)
     * @description Not available to integration tokens.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind: 'direct' | 'group' | 'linked';
              name: string | null;
              group: {
                id: string;
                name: string;
              } | null;
              memberCount: number;
              people: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              }[];
              lastSeq: number;
              lastMessage: {
                id: string;
                conversationId: string;
                seq: number;
                /** @enum {string} */
                kind: 'text' | 'system';
                sender: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                };
                body: string;
                html: string;
                clientKey: string | null;
                replyTo: {
                  id: string;
                  seq: number;
                  senderId: string;
                  senderName: string;
                  excerpt: string | null;
                  deleted: boolean;
                } | null;
                attachments: {
                  id: string;
                  /** @enum {string} */
                  kind: 'image' | 'file';
                  name: string;
                  size: number;
                  mimeType: string;
                  url: string;
                  thumbnailUrl: string | null;
                  width: number | null;
                  height: number | null;
                }[];
                post: {
                  id: string;
                  visible: boolean;
                  excerpt: string | null;
                  groupName: string | null;
                } | null;
                reactions: {
                  /** @enum {string} */
                  kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
                  personIds: string[];
                }[];
                mentions: string[];
                system: {
                  /** @enum {string} */
                  action: 'created' | 'added' | 'removed' | 'left' | 'renamed' | 'call';
                  personIds: string[];
                  name: string | null;
                } | null;
                blocks:
                  | (
                      | {
                          /** @enum {string} */
                          type: 'text';
                          text: string;
                          html: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'fields';
                          fields: {
                            label: string;
                            value: string;
                          }[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'actions';
                          elements: (
                            | {
                                /** @enum {string} */
                                type: 'button';
                                actionId: string;
                                label: string;
                                value?: string;
                                /** @enum {string} */
                                style?: 'primary' | 'danger';
                              }
                            | {
                                /** @enum {string} */
                                type: 'select';
                                actionId: string;
                                placeholder?: string;
                                options: {
                                  label: string;
                                  value: string;
                                }[];
                                initial?: string;
                              }
                          )[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'form';
                          actionId: string;
                          title?: string;
                          fields: {
                            name: string;
                            label: string;
                            /** @enum {string} */
                            kind: 'text' | 'textarea' | 'select' | 'date';
                            required?: boolean;
                            placeholder?: string;
                            maxLength?: number;
                            options?: {
                              label: string;
                              value: string;
                            }[];
                          }[];
                          submitLabel: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'context';
                          text: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'divider';
                        }
                    )[]
                  | null;
                call: {
                  callId: string;
                  /** @enum {string} */
                  media: 'audio' | 'video';
                  /** @enum {string} */
                  state: 'ringing' | 'active' | 'ended';
                  outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
                  durationS: number | null;
                } | null;
                createdAt: string;
                editedAt: string | null;
                deletedAt: string | null;
              } | null;
              lastActivityAt: string;
              unreadCount: number;
              lastReadSeq: number;
              muted: boolean;
              archived: boolean;
              can: {
                rename: boolean;
                addPeople: boolean;
                removePeople: boolean;
                leave: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/conversations/{id}/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * My settings of a conversation: muted (not in the badge), archived (out of the list until a new message)
     * @description Not available to integration tokens.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            muted?: boolean;
            archived?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind: 'direct' | 'group' | 'linked';
              name: string | null;
              group: {
                id: string;
                name: string;
              } | null;
              memberCount: number;
              people: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              }[];
              lastSeq: number;
              lastMessage: {
                id: string;
                conversationId: string;
                seq: number;
                /** @enum {string} */
                kind: 'text' | 'system';
                sender: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                };
                body: string;
                html: string;
                clientKey: string | null;
                replyTo: {
                  id: string;
                  seq: number;
                  senderId: string;
                  senderName: string;
                  excerpt: string | null;
                  deleted: boolean;
                } | null;
                attachments: {
                  id: string;
                  /** @enum {string} */
                  kind: 'image' | 'file';
                  name: string;
                  size: number;
                  mimeType: string;
                  url: string;
                  thumbnailUrl: string | null;
                  width: number | null;
                  height: number | null;
                }[];
                post: {
                  id: string;
                  visible: boolean;
                  excerpt: string | null;
                  groupName: string | null;
                } | null;
                reactions: {
                  /** @enum {string} */
                  kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
                  personIds: string[];
                }[];
                mentions: string[];
                system: {
                  /** @enum {string} */
                  action: 'created' | 'added' | 'removed' | 'left' | 'renamed' | 'call';
                  personIds: string[];
                  name: string | null;
                } | null;
                blocks:
                  | (
                      | {
                          /** @enum {string} */
                          type: 'text';
                          text: string;
                          html: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'fields';
                          fields: {
                            label: string;
                            value: string;
                          }[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'actions';
                          elements: (
                            | {
                                /** @enum {string} */
                                type: 'button';
                                actionId: string;
                                label: string;
                                value?: string;
                                /** @enum {string} */
                                style?: 'primary' | 'danger';
                              }
                            | {
                                /** @enum {string} */
                                type: 'select';
                                actionId: string;
                                placeholder?: string;
                                options: {
                                  label: string;
                                  value: string;
                                }[];
                                initial?: string;
                              }
                          )[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'form';
                          actionId: string;
                          title?: string;
                          fields: {
                            name: string;
                            label: string;
                            /** @enum {string} */
                            kind: 'text' | 'textarea' | 'select' | 'date';
                            required?: boolean;
                            placeholder?: string;
                            maxLength?: number;
                            options?: {
                              label: string;
                              value: string;
                            }[];
                          }[];
                          submitLabel: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'context';
                          text: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'divider';
                        }
                    )[]
                  | null;
                call: {
                  callId: string;
                  /** @enum {string} */
                  media: 'audio' | 'video';
                  /** @enum {string} */
                  state: 'ringing' | 'active' | 'ended';
                  outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
                  durationS: number | null;
                } | null;
                createdAt: string;
                editedAt: string | null;
                deletedAt: string | null;
              } | null;
              lastActivityAt: string;
              unreadCount: number;
              lastReadSeq: number;
              muted: boolean;
              archived: boolean;
              can: {
                rename: boolean;
                addPeople: boolean;
                removePeople: boolean;
                leave: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conversations/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The people in a conversation, by name (a group’s chat: the group’s members)
     * @description Token scope: `chat:read`.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                person: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                };
                /** @enum {string} */
                role: 'admin' | 'member';
                lastReadSeq: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add people to a group conversation (any of its people)
     * @description Token scope: `chat:write`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            personIds: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind: 'direct' | 'group' | 'linked';
              name: string | null;
              group: {
                id: string;
                name: string;
              } | null;
              memberCount: number;
              people: {
                id: string;
                displayName: string;
                photoUrl: string | null;
                deactivated: boolean;
                isBot: boolean;
              }[];
              lastSeq: number;
              lastMessage: {
                id: string;
                conversationId: string;
                seq: number;
                /** @enum {string} */
                kind: 'text' | 'system';
                sender: {
                  id: string;
                  displayName: string;
                  photoUrl: string | null;
                  deactivated: boolean;
                  isBot: boolean;
                };
                body: string;
                html: string;
                clientKey: string | null;
                replyTo: {
                  id: string;
                  seq: number;
                  senderId: string;
                  senderName: string;
                  excerpt: string | null;
                  deleted: boolean;
                } | null;
                attachments: {
                  id: string;
                  /** @enum {string} */
                  kind: 'image' | 'file';
                  name: string;
                  size: number;
                  mimeType: string;
                  url: string;
                  thumbnailUrl: string | null;
                  width: number | null;
                  height: number | null;
                }[];
                post: {
                  id: string;
                  visible: boolean;
                  excerpt: string | null;
                  groupName: string | null;
                } | null;
                reactions: {
                  /** @enum {string} */
                  kind: 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry';
                  personIds: string[];
                }[];
                mentions: string[];
                system: {
                  /** @enum {string} */
                  action: 'created' | 'added' | 'removed' | 'left' | 'renamed' | 'call';
                  personIds: string[];
                  name: string | null;
                } | null;
                blocks:
                  | (
                      | {
                          /** @enum {string} */
                          type: 'text';
                          text: string;
                          html: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'fields';
                          fields: {
                            label: string;
                            value: string;
                          }[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'actions';
                          elements: (
                            | {
                                /** @enum {string} */
                                type: 'button';
                                actionId: string;
                                label: string;
                                value?: string;
                                /** @enum {string} */
                                style?: 'primary' | 'danger';
                              }
                            | {
                                /** @enum {string} */
                                type: 'select';
                                actionId: string;
                                placeholder?: string;
                                options: {
                                  label: string;
                                  value: string;
                                }[];
                                initial?: string;
                              }
                          )[];
                        }
                      | {
                          /** @enum {string} */
                          type: 'form';
                          actionId: string;
                          title?: string;
                          fields: {
                            name: string;
                            label: string;
                            /** @enum {string} */
                            kind: 'text' | 'textarea' | 'select' | 'date';
                            required?: boolean;
                            placeholder?: string;
                            maxLength?: number;
                            options?: {
                              label: string;
                              value: string;
                            }[];
                          }[];
                          submitLabel: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'context';
                          text: string;
                        }
                      | {
                          /** @enum {string} */
                          type: 'divider';
                        }
                    )[]
                  | null;
                call: {
                  callId: string;
                  /** @enum {string} */
                  media: 'audio' | 'video';
                  /** @enum {string} */
                  state: 'ringing' | 'active' | 'ended';
                  outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
                  durationS: number | null;
                } | null;
                createdAt: string;
                editedAt: string | null;
                deletedAt: string | null;
              } | null;
              lastActivityAt: string;
              unreadCount: number;
              lastReadSeq: number;
              muted: boolean;
              archived: boolean;
              can: {
                rename: boolean;
                addPeople: boolean;
                removePeople: boolean;
                leave: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conversations/{id}/members/{personId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Leave a group conversation (my own id), or remove someone from it (its admins)
     * @description Token scope: `chat:write`.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          personId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conversations/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * I have read up to this seq: my position moves forward (never back), my other devices and the others are told
     * @description Token scope: `chat:write`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            seq: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              conversationId: string;
              lastReadSeq: number;
              unreadCount: number;
              total: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conversations/{id}/receipts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * How far each person in the conversation has read ("seen by")
     * @description Token scope: `chat:read`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                personId: string;
                lastReadSeq: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/chat/unread': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My chat badge: unread messages over conversations neither muted nor archived, and how many conversations have some
     * @description Token scope: `chat:read`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              total: number;
              conversations: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/presence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Online / away / offline and last active of these people (?ids=a,b,c); people I may not see are left out
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query: {
          ids: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                personId: string;
                /** @enum {string} */
                status: 'online' | 'away' | 'offline';
                lastActiveAt: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Posts, comments, chat messages and groups I may see that match q (accents and case never matter; "quoted phrases")
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query: {
          q: string;
          type?: string;
          sort?: 'relevance' | 'date';
          author?: string;
          group?: string;
          from?: string;
          to?: string;
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: (
                | {
                    /** @enum {string} */
                    kind: 'post';
                    id: string;
                    groupId: string | null;
                    groupName: string | null;
                    author: {
                      id: string;
                      displayName: string;
                    };
                    createdAt: string;
                    snippet: {
                      text: string;
                      hit: boolean;
                    }[];
                  }
                | {
                    /** @enum {string} */
                    kind: 'comment';
                    id: string;
                    postId: string;
                    author: {
                      id: string;
                      displayName: string;
                    };
                    createdAt: string;
                    snippet: {
                      text: string;
                      hit: boolean;
                    }[];
                  }
                | {
                    /** @enum {string} */
                    kind: 'message';
                    id: string;
                    conversationId: string;
                    author: {
                      id: string;
                      displayName: string;
                    };
                    createdAt: string;
                    snippet: {
                      text: string;
                      hit: boolean;
                    }[];
                  }
                | {
                    /** @enum {string} */
                    kind: 'group';
                    id: string;
                    name: string;
                    visibility: string;
                    snippet: {
                      text: string;
                      hit: boolean;
                    }[];
                  }
                | {
                    /** @enum {string} */
                    kind: 'file';
                    id: string;
                    name: string;
                    url: string;
                    postId: string | null;
                    conversationId: string | null;
                    author: {
                      id: string;
                      displayName: string;
                    };
                    createdAt: string;
                    snippet: {
                      text: string;
                      hit: boolean;
                    }[];
                  }
              )[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/search/typeahead': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * People and groups I may find whose names start with what I typed, five of each, for the search box
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query: {
          q: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              people: {
                id: string;
                displayName: string;
                title: string | null;
                department: string | null;
                photoUrl: string | null;
                /** @enum {string} */
                status: 'active' | 'deactivated';
                isBot: boolean;
              }[];
              groups: {
                id: string;
                name: string;
                visibility: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/ldap': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The directory configuration (the bind password is never returned)
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              url: string;
              startTls: boolean;
              caCertificate: string | null;
              bindDn: string;
              bindPasswordSet: boolean;
              baseDn: string;
              /** @enum {string} */
              preset: 'ad' | 'openldap' | 'custom';
              userFilter: string;
              mapping: {
                key: string;
                username: string[];
                email: string[];
                displayName: string[];
                title: string[];
                department: string[];
                phone: string[];
                employeeId: string[];
                location: string[];
                manager: string | null;
                disabled:
                  | {
                      /** @enum {string} */
                      kind: 'userAccountControl';
                    }
                  | {
                      /** @enum {string} */
                      kind: 'attribute';
                      attribute: string;
                      value: string | null;
                    }
                  | {
                      /** @enum {string} */
                      kind: 'none';
                    };
              };
              scheduleMinutes: number;
              signInWithBind: boolean;
              maxDeactivatePercent: number;
              dryRunDone: boolean;
              nextSyncAt: string | null;
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Create or replace the directory configuration
     * @description Not available to integration tokens.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            url: string;
            /** @default false */
            startTls?: boolean;
            /** @default null */
            caCertificate?: string | null;
            bindDn: string;
            bindPassword?: string;
            baseDn: string;
            /** @enum {string} */
            preset: 'ad' | 'openldap' | 'custom';
            userFilter?: string;
            mapping?: {
              key: string;
              username: string[];
              email: string[];
              displayName: string[];
              title: string[];
              department: string[];
              phone: string[];
              employeeId: string[];
              location: string[];
              manager: string | null;
              disabled:
                | {
                    /** @enum {string} */
                    kind: 'userAccountControl';
                  }
                | {
                    /** @enum {string} */
                    kind: 'attribute';
                    attribute: string;
                    value: string | null;
                  }
                | {
                    /** @enum {string} */
                    kind: 'none';
                  };
            };
            /** @default 0 */
            scheduleMinutes?: number;
            /** @default false */
            signInWithBind?: boolean;
            /** @default 20 */
            maxDeactivatePercent?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              url: string;
              startTls: boolean;
              caCertificate: string | null;
              bindDn: string;
              bindPasswordSet: boolean;
              baseDn: string;
              /** @enum {string} */
              preset: 'ad' | 'openldap' | 'custom';
              userFilter: string;
              mapping: {
                key: string;
                username: string[];
                email: string[];
                displayName: string[];
                title: string[];
                department: string[];
                phone: string[];
                employeeId: string[];
                location: string[];
                manager: string | null;
                disabled:
                  | {
                      /** @enum {string} */
                      kind: 'userAccountControl';
                    }
                  | {
                      /** @enum {string} */
                      kind: 'attribute';
                      attribute: string;
                      value: string | null;
                    }
                  | {
                      /** @enum {string} */
                      kind: 'none';
                    };
              };
              scheduleMinutes: number;
              signInWithBind: boolean;
              maxDeactivatePercent: number;
              dryRunDone: boolean;
              nextSyncAt: string | null;
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /**
     * Remove the directory configuration (people stay as they are)
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/ldap/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Connect, bind and read a few people, with the stored configuration or the values given
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            url?: string;
            startTls?: boolean;
            caCertificate?: string | null;
            bindDn?: string;
            bindPassword?: string;
            baseDn?: string;
            /** @enum {string} */
            preset?: 'ad' | 'openldap' | 'custom';
            userFilter?: string;
            mapping?: {
              key: string;
              username: string[];
              email: string[];
              displayName: string[];
              title: string[];
              department: string[];
              phone: string[];
              employeeId: string[];
              location: string[];
              manager: string | null;
              disabled:
                | {
                    /** @enum {string} */
                    kind: 'userAccountControl';
                  }
                | {
                    /** @enum {string} */
                    kind: 'attribute';
                    attribute: string;
                    value: string | null;
                  }
                | {
                    /** @enum {string} */
                    kind: 'none';
                  };
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
              /** @enum {string} */
              step: 'config' | 'connect' | 'starttls' | 'bind' | 'search';
              message: string;
              durationMs: number;
              sample: {
                dn: string;
                key: string | null;
                displayName: string | null;
                username: string | null;
                email: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/ldap/sync': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a sync or a dry run (a real sync needs a dry run of the configuration first)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            dryRun: boolean;
            force?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              runId: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/ldap/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Sync runs, newest first
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** @enum {string} */
                status: 'queued' | 'running' | 'succeeded' | 'failed';
                dryRun: boolean;
                forced: boolean;
                /** @enum {string} */
                trigger: 'manual' | 'schedule';
                requestedBy: {
                  id: string;
                  name: string;
                } | null;
                counts: {
                  entries: number;
                  created: number;
                  updated: number;
                  reactivated: number;
                  deactivated: number;
                  unchanged: number;
                  skipped: number;
                  errors: number;
                };
                progress: {
                  processed: number;
                  total: number;
                };
                safetyValve: {
                  limitPercent: number;
                  linked: number;
                  deactivations: number;
                  tripped: boolean;
                } | null;
                error: {
                  code: string;
                  message: string;
                } | null;
                createdAt: string;
                startedAt: string | null;
                finishedAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/ldap/runs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A sync run with its per-entry problems and changes (first 500 of each)
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              status: 'queued' | 'running' | 'succeeded' | 'failed';
              dryRun: boolean;
              forced: boolean;
              /** @enum {string} */
              trigger: 'manual' | 'schedule';
              requestedBy: {
                id: string;
                name: string;
              } | null;
              counts: {
                entries: number;
                created: number;
                updated: number;
                reactivated: number;
                deactivated: number;
                unchanged: number;
                skipped: number;
                errors: number;
              };
              progress: {
                processed: number;
                total: number;
              };
              safetyValve: {
                limitPercent: number;
                linked: number;
                deactivations: number;
                tripped: boolean;
              } | null;
              error: {
                code: string;
                message: string;
              } | null;
              createdAt: string;
              startedAt: string | null;
              finishedAt: string | null;
              problems: {
                dn: string;
                key: string | null;
                field: string | null;
                code: string;
                params: {
                  [key: string]: string;
                };
                message: string;
              }[];
              changes: {
                /** @enum {string} */
                action: 'create' | 'link' | 'update' | 'reactivate' | 'deactivate';
                dn: string | null;
                key: string;
                name: string;
                personId: string | null;
                fields: string[];
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/sso': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The company's single sign-on connection (never its client secret) and our values for the provider
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              connection:
                | (
                    | {
                        /** @enum {string} */
                        protocol: 'oidc';
                        displayName: string | null;
                        enabled: boolean;
                        jit: boolean;
                        updatedAt: string;
                        issuer: string;
                        clientId: string;
                        clientSecretSet: boolean;
                        scopes: string[];
                        claims: {
                          email: string;
                          name: string;
                          username: string | null;
                          employeeId: string | null;
                        };
                      }
                    | {
                        /** @enum {string} */
                        protocol: 'saml';
                        displayName: string | null;
                        enabled: boolean;
                        jit: boolean;
                        updatedAt: string;
                        entryPoint: string;
                        idpCertificates: string;
                        certificates: {
                          subject: string;
                          issuer: string;
                          validFrom: string;
                          validTo: string;
                          fingerprint: string;
                          expired: boolean;
                        }[];
                        idpEntityId: string;
                        spEntityId: string | null;
                        /** @enum {string} */
                        nameIdFormat: 'unspecified' | 'emailAddress' | 'persistent';
                        attributes: {
                          email: string | null;
                          name: string | null;
                          firstName: string | null;
                          lastName: string | null;
                          username: string | null;
                          employeeId: string | null;
                        };
                      }
                  )
                | null;
              serviceProvider: {
                redirectUri: string;
                entityId: string;
                acsUrl: string;
                metadataUrl: string;
                startUrl: string;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Create or replace the single sign-on connection (OpenID Connect or SAML 2.0)
     * @description Not available to integration tokens.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                /** @enum {string} */
                protocol: 'oidc';
                /** @default null */
                displayName?: string | null;
                /** @default false */
                enabled?: boolean;
                /** @default false */
                jit?: boolean;
                issuer: string;
                clientId: string;
                clientSecret?: string;
                /**
                 * @default [
                 *       "openid",
                 *       "email",
                 *       "profile"
                 *     ]
                 */
                scopes?: string[];
                /**
                 * @default {
                 *       "email": "email",
                 *       "name": "name",
                 *       "username": "preferred_username",
                 *       "employeeId": null
                 *     }
                 */
                claims?: {
                  email: string;
                  name: string;
                  username: string | null;
                  employeeId: string | null;
                };
              }
            | {
                /** @enum {string} */
                protocol: 'saml';
                /** @default null */
                displayName?: string | null;
                /** @default false */
                enabled?: boolean;
                /** @default false */
                jit?: boolean;
                entryPoint: string;
                idpCertificates: string;
                idpEntityId: string;
                /** @default null */
                spEntityId?: string | null;
                /**
                 * @default unspecified
                 * @enum {string}
                 */
                nameIdFormat?: 'unspecified' | 'emailAddress' | 'persistent';
                /**
                 * @default {
                 *       "email": "urn:oid:0.9.2342.19200300.100.1.3",
                 *       "name": "urn:oid:2.16.840.1.113730.3.1.241",
                 *       "firstName": "urn:oid:2.5.4.42",
                 *       "lastName": "urn:oid:2.5.4.4",
                 *       "username": "urn:oid:0.9.2342.19200300.100.1.1",
                 *       "employeeId": "urn:oid:2.16.840.1.113730.3.1.3"
                 *     }
                 */
                attributes?: {
                  email: string | null;
                  name: string | null;
                  firstName: string | null;
                  lastName: string | null;
                  username: string | null;
                  employeeId: string | null;
                };
              };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              connection:
                | (
                    | {
                        /** @enum {string} */
                        protocol: 'oidc';
                        displayName: string | null;
                        enabled: boolean;
                        jit: boolean;
                        updatedAt: string;
                        issuer: string;
                        clientId: string;
                        clientSecretSet: boolean;
                        scopes: string[];
                        claims: {
                          email: string;
                          name: string;
                          username: string | null;
                          employeeId: string | null;
                        };
                      }
                    | {
                        /** @enum {string} */
                        protocol: 'saml';
                        displayName: string | null;
                        enabled: boolean;
                        jit: boolean;
                        updatedAt: string;
                        entryPoint: string;
                        idpCertificates: string;
                        certificates: {
                          subject: string;
                          issuer: string;
                          validFrom: string;
                          validTo: string;
                          fingerprint: string;
                          expired: boolean;
                        }[];
                        idpEntityId: string;
                        spEntityId: string | null;
                        /** @enum {string} */
                        nameIdFormat: 'unspecified' | 'emailAddress' | 'persistent';
                        attributes: {
                          email: string | null;
                          name: string | null;
                          firstName: string | null;
                          lastName: string | null;
                          username: string | null;
                          employeeId: string | null;
                        };
                      }
                  )
                | null;
              serviceProvider: {
                redirectUri: string;
                entityId: string;
                acsUrl: string;
                metadataUrl: string;
                startUrl: string;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /**
     * Remove the single sign-on connection (people and their links stay)
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/sso/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Try the stored connection, or the values given: OpenID Connect discovery, SAML certificates and metadata
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            protocol?: 'oidc' | 'saml';
            issuer?: string;
            clientId?: string;
            entryPoint?: string;
            idpCertificates?: string;
            idpEntityId?: string;
            idpMetadataXml?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
              /** @enum {string} */
              protocol: 'oidc' | 'saml';
              message: string | null;
              problem: ('discovery' | 'issuer_mismatch' | 'certificate' | 'metadata' | 'entry_point') | null;
              issuer: string | null;
              authorizationEndpoint: string | null;
              idpEntityId: string | null;
              entryPoint: string | null;
              idpCertificates: string | null;
              certificates: {
                subject: string;
                issuer: string;
                validFrom: string;
                validTo: string;
                fingerprint: string;
                expired: boolean;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/sso': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Whether the sign-in page offers the company single sign-on, and under which name
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              enabled: boolean;
              protocol: ('oidc' | 'saml') | null;
              displayName: string | null;
              enforced: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/scim-tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * SCIM tokens in use, newest first (never the tokens themselves)
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                name: string;
                createdAt: string;
                lastUsedAt: string | null;
                createdBy: {
                  id: string;
                  displayName: string;
                } | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Make a SCIM token (the answer is the only time the token is shown)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              createdAt: string;
              lastUsedAt: string | null;
              createdBy: {
                id: string;
                displayName: string;
              } | null;
              token: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/scim-tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke a SCIM token: it stops working at once
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/integrations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Integrations, newest first
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                name: string;
                description: string | null;
                scopes: ('groups:read' | 'groups:write' | 'chat:read' | 'chat:write' | 'people:read' | 'people:write' | 'audit:read')[];
                botPersonId: string;
                photoUrl: string | null;
                disabled: boolean;
                removed: boolean;
                activeTokens: number;
                createdAt: string;
                updatedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Make an integration and its bot person
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            description?: string;
            /** @default [] */
            scopes?: ('groups:read' | 'groups:write' | 'chat:read' | 'chat:write' | 'people:read' | 'people:write' | 'audit:read')[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              description: string | null;
              scopes: ('groups:read' | 'groups:write' | 'chat:read' | 'chat:write' | 'people:read' | 'people:write' | 'audit:read')[];
              botPersonId: string;
              photoUrl: string | null;
              disabled: boolean;
              removed: boolean;
              activeTokens: number;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/integrations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One integration
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              description: string | null;
              scopes: ('groups:read' | 'groups:write' | 'chat:read' | 'chat:write' | 'people:read' | 'people:write' | 'audit:read')[];
              botPersonId: string;
              photoUrl: string | null;
              disabled: boolean;
              removed: boolean;
              activeTokens: number;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Remove: turned off for good, every token revoked
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Rename, change scopes, turn off or on
     * @description Not available to integration tokens.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            description?: string | null;
            scopes?: ('groups:read' | 'groups:write' | 'chat:read' | 'chat:write' | 'people:read' | 'people:write' | 'audit:read')[];
            disabled?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              description: string | null;
              scopes: ('groups:read' | 'groups:write' | 'chat:read' | 'chat:write' | 'people:read' | 'people:write' | 'audit:read')[];
              botPersonId: string;
              photoUrl: string | null;
              disabled: boolean;
              removed: boolean;
              activeTokens: number;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/integrations/{id}/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Tokens, newest first (never the tokens themselves)
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                prefix: string;
                createdAt: string;
                lastUsedAt: string | null;
                expiresAt: string | null;
                revokedAt: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Make a token (the answer is the only time it is shown)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            expiresInDays?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              prefix: string;
              createdAt: string;
              lastUsedAt: string | null;
              expiresAt: string | null;
              revokedAt: string | null;
              token: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/integrations/{id}/tokens/{tokenId}/rotate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A new token in place of this one, which stops at once
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          tokenId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            expiresInDays?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              prefix: string;
              createdAt: string;
              lastUsedAt: string | null;
              expiresAt: string | null;
              revokedAt: string | null;
              token: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/integrations/{id}/tokens/{tokenId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke a token: it stops at once
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          tokenId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/integrations/{id}/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The groups the bot is a member of
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              groupIds: string[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * The groups the bot is a member of
     * @description Not available to integration tokens.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            groupIds: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              groupIds: string[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/integration-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Hosts webhooks may reach on private addresses
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              allowedHosts: string[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Set the hosts webhooks may reach on private addresses
     * @description Not available to integration tokens.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            allowedHosts: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              allowedHosts: string[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/integrations/{id}/avatar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set the integration’s avatar (multipart field "photo"; PNG, JPEG, GIF or WebP, made square)
     * @description Not available to integration tokens.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              description: string | null;
              scopes: ('groups:read' | 'groups:write' | 'chat:read' | 'chat:write' | 'people:read' | 'people:write' | 'audit:read')[];
              botPersonId: string;
              photoUrl: string | null;
              disabled: boolean;
              removed: boolean;
              activeTokens: number;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /**
     * Remove the integration’s avatar
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              description: string | null;
              scopes: ('groups:read' | 'groups:write' | 'chat:read' | 'chat:write' | 'people:read' | 'people:write' | 'audit:read')[];
              botPersonId: string;
              photoUrl: string | null;
              disabled: boolean;
              removed: boolean;
              activeTokens: number;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/integrations/{id}/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The integration's webhooks
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                integrationId: string;
                url: string;
                events: (
                  | 'post.created'
                  | 'comment.created'
                  | 'message.created'
                  | 'mention'
                  | 'member.joined'
                  | 'member.left'
                  | 'reaction.added'
                  | 'interaction'
                )[];
                enabled: boolean;
                disabledReason: string | null;
                failures: number;
                verifiedAt: string | null;
                createdAt: string;
                updatedAt: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add a webhook (its address must answer the signed check first; the secret is shown this once)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            url: string;
            events: (
              | 'post.created'
              | 'comment.created'
              | 'message.created'
              | 'mention'
              | 'member.joined'
              | 'member.left'
              | 'reaction.added'
              | 'interaction'
            )[];
            secret?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              integrationId: string;
              url: string;
              events: (
                | 'post.created'
                | 'comment.created'
                | 'message.created'
                | 'mention'
                | 'member.joined'
                | 'member.left'
                | 'reaction.added'
                | 'interaction'
              )[];
              enabled: boolean;
              disabledReason: string | null;
              failures: number;
              verifiedAt: string | null;
              createdAt: string;
              updatedAt: string;
              secret: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/integrations/{id}/webhooks/{webhookId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One webhook, with counts of its deliveries
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          webhookId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              integrationId: string;
              url: string;
              events: (
                | 'post.created'
                | 'comment.created'
                | 'message.created'
                | 'mention'
                | 'member.joined'
                | 'member.left'
                | 'reaction.added'
                | 'interaction'
              )[];
              enabled: boolean;
              disabledReason: string | null;
              failures: number;
              verifiedAt: string | null;
              createdAt: string;
              updatedAt: string;
              stats: {
                pending: number;
                delivered: number;
                failed: number;
                skipped: number;
                lastDeliveredAt: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Remove a webhook and its delivery log
     * @description Not available to integration tokens.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          webhookId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change the address (checked again), the events, or turn it on (failures reset) or off
     * @description Not available to integration tokens.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          webhookId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            url?: string;
            events?: (
              | 'post.created'
              | 'comment.created'
              | 'message.created'
              | 'mention'
              | 'member.joined'
              | 'member.left'
              | 'reaction.added'
              | 'interaction'
            )[];
            enabled?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              integrationId: string;
              url: string;
              events: (
                | 'post.created'
                | 'comment.created'
                | 'message.created'
                | 'mention'
                | 'member.joined'
                | 'member.left'
                | 'reaction.added'
                | 'interaction'
              )[];
              enabled: boolean;
              disabledReason: string | null;
              failures: number;
              verifiedAt: string | null;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/integrations/{id}/webhooks/{webhookId}/secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A new signing secret, in use at once (shown this once)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          webhookId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              integrationId: string;
              url: string;
              events: (
                | 'post.created'
                | 'comment.created'
                | 'message.created'
                | 'mention'
                | 'member.joined'
                | 'member.left'
                | 'reaction.added'
                | 'interaction'
              )[];
              enabled: boolean;
              disabledReason: string | null;
              failures: number;
              verifiedAt: string | null;
              createdAt: string;
              updatedAt: string;
              secret: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/integrations/{id}/webhooks/{webhookId}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The delivery log, newest first
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          status?: 'pending' | 'delivered' | 'failed' | 'skipped';
        };
        header?: never;
        path: {
          id: string;
          webhookId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                eventId: string;
                eventType: string;
                /** @enum {string} */
                status: 'pending' | 'delivered' | 'failed' | 'skipped';
                attempts: number;
                lastStatus: number | null;
                lastError: string | null;
                durationMs: number | null;
                createdAt: string;
                nextAttemptAt: string | null;
                deliveredAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/integrations/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a delivery again (a new delivery of the same event, after the others of its lane)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          webhookId: string;
          deliveryId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              eventId: string;
              eventType: string;
              /** @enum {string} */
              status: 'pending' | 'delivered' | 'failed' | 'skipped';
              attempts: number;
              lastStatus: number | null;
              lastError: string | null;
              durationMs: number | null;
              createdAt: string;
              nextAttemptAt: string | null;
              deliveredAt: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/messages/{id}/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Act on a bot’s interactive message: the bot receives an `interaction` webhook (202) and answers by editing it or writing to you
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            actionId: string;
            value?: string;
            values?: {
              [key: string]: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              interactionId: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/posts/{id}/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Act on a bot’s interactive post: the bot receives an `interaction` webhook (202) and answers by editing it or writing to you
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            actionId: string;
            value?: string;
            values?: {
              [key: string]: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              interactionId: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conversations/{id}/calls': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start an audio or video call from this device (connectionId of my realtime socket): rings every device of the others; one-to-one calls are peer to peer, group calls go through the media server
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            media: 'audio' | 'video';
            connectionId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              conversationId: string;
              /** @enum {string} */
              media: 'audio' | 'video';
              /** @enum {string} */
              mode: 'p2p' | 'sfu';
              /** @enum {string} */
              state: 'ringing' | 'active' | 'ended';
              outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
              startedBy: string;
              sharerId: string | null;
              participants: {
                personId: string;
                /** @enum {string} */
                state: 'ringing' | 'joined' | 'declined' | 'missed' | 'busy' | 'left';
                connectionId: string | null;
                muted: boolean;
                camera: boolean;
                joinedAt: string | null;
                leftAt: string | null;
              }[];
              createdAt: string;
              answeredAt: string | null;
              endedAt: string | null;
              durationS: number | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conversations/{id}/calls/current': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The call going on in this conversation, or null
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              call: {
                id: string;
                conversationId: string;
                /** @enum {string} */
                media: 'audio' | 'video';
                /** @enum {string} */
                mode: 'p2p' | 'sfu';
                /** @enum {string} */
                state: 'ringing' | 'active' | 'ended';
                outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
                startedBy: string;
                sharerId: string | null;
                participants: {
                  personId: string;
                  /** @enum {string} */
                  state: 'ringing' | 'joined' | 'declined' | 'missed' | 'busy' | 'left';
                  connectionId: string | null;
                  muted: boolean;
                  camera: boolean;
                  joinedAt: string | null;
                  leftAt: string | null;
                }[];
                createdAt: string;
                answeredAt: string | null;
                endedAt: string | null;
                durationS: number | null;
              } | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calls/ice-servers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * STUN and TURN servers for my calls, with a TURN credential that expires soon
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              iceServers: {
                urls: string[];
                username?: string;
                credential?: string;
              }[];
              expiresAt: string | null;
              /** @enum {string} */
              iceTransportPolicy: 'all' | 'relay';
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calls/ringing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The calls ringing me now (a page that opens or reconnects while a call rings shows it)
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                conversationId: string;
                /** @enum {string} */
                media: 'audio' | 'video';
                /** @enum {string} */
                mode: 'p2p' | 'sfu';
                /** @enum {string} */
                state: 'ringing' | 'active' | 'ended';
                outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
                startedBy: string;
                sharerId: string | null;
                participants: {
                  personId: string;
                  /** @enum {string} */
                  state: 'ringing' | 'joined' | 'declined' | 'missed' | 'busy' | 'left';
                  connectionId: string | null;
                  muted: boolean;
                  camera: boolean;
                  joinedAt: string | null;
                  leftAt: string | null;
                }[];
                createdAt: string;
                answeredAt: string | null;
                endedAt: string | null;
                durationS: number | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calls/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A call of a conversation I take part in
     * @description Not available to integration tokens.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              conversationId: string;
              /** @enum {string} */
              media: 'audio' | 'video';
              /** @enum {string} */
              mode: 'p2p' | 'sfu';
              /** @enum {string} */
              state: 'ringing' | 'active' | 'ended';
              outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
              startedBy: string;
              sharerId: string | null;
              participants: {
                personId: string;
                /** @enum {string} */
                state: 'ringing' | 'joined' | 'declined' | 'missed' | 'busy' | 'left';
                connectionId: string | null;
                muted: boolean;
                camera: boolean;
                joinedAt: string | null;
                leftAt: string | null;
              }[];
              createdAt: string;
              answeredAt: string | null;
              endedAt: string | null;
              durationS: number | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calls/{id}/join': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Answer a call ringing for me, or join an ongoing group call, from this device; another device of mine in it hands over
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            connectionId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              conversationId: string;
              /** @enum {string} */
              media: 'audio' | 'video';
              /** @enum {string} */
              mode: 'p2p' | 'sfu';
              /** @enum {string} */
              state: 'ringing' | 'active' | 'ended';
              outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
              startedBy: string;
              sharerId: string | null;
              participants: {
                personId: string;
                /** @enum {string} */
                state: 'ringing' | 'joined' | 'declined' | 'missed' | 'busy' | 'left';
                connectionId: string | null;
                muted: boolean;
                camera: boolean;
                joinedAt: string | null;
                leftAt: string | null;
              }[];
              createdAt: string;
              answeredAt: string | null;
              endedAt: string | null;
              durationS: number | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calls/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decline a call ringing for me (on every device)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              conversationId: string;
              /** @enum {string} */
              media: 'audio' | 'video';
              /** @enum {string} */
              mode: 'p2p' | 'sfu';
              /** @enum {string} */
              state: 'ringing' | 'active' | 'ended';
              outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
              startedBy: string;
              sharerId: string | null;
              participants: {
                personId: string;
                /** @enum {string} */
                state: 'ringing' | 'joined' | 'declined' | 'missed' | 'busy' | 'left';
                connectionId: string | null;
                muted: boolean;
                camera: boolean;
                joinedAt: string | null;
                leftAt: string | null;
              }[];
              createdAt: string;
              answeredAt: string | null;
              endedAt: string | null;
              durationS: number | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calls/{id}/leave': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Hang up; the last one out ends the call, and a one-to-one call ends when either leaves
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              conversationId: string;
              /** @enum {string} */
              media: 'audio' | 'video';
              /** @enum {string} */
              mode: 'p2p' | 'sfu';
              /** @enum {string} */
              state: 'ringing' | 'active' | 'ended';
              outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
              startedBy: string;
              sharerId: string | null;
              participants: {
                personId: string;
                /** @enum {string} */
                state: 'ringing' | 'joined' | 'declined' | 'missed' | 'busy' | 'left';
                connectionId: string | null;
                muted: boolean;
                camera: boolean;
                joinedAt: string | null;
                leftAt: string | null;
              }[];
              createdAt: string;
              answeredAt: string | null;
              endedAt: string | null;
              durationS: number | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calls/{id}/screen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start or stop sharing my screen: one sharer at a time (409 screen_taken)
     * @description Not available to integration tokens.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            sharing: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              conversationId: string;
              /** @enum {string} */
              media: 'audio' | 'video';
              /** @enum {string} */
              mode: 'p2p' | 'sfu';
              /** @enum {string} */
              state: 'ringing' | 'active' | 'ended';
              outcome: ('completed' | 'missed' | 'declined' | 'busy' | 'failed') | null;
              startedBy: string;
              sharerId: string | null;
              participants: {
                personId: string;
                /** @enum {string} */
                state: 'ringing' | 'joined' | 'declined' | 'missed' | 'busy' | 'left';
                connectionId: string | null;
                muted: boolean;
                camera: boolean;
                joinedAt: string | null;
                leftAt: string | null;
              }[];
              createdAt: string;
              answeredAt: string | null;
              endedAt: string | null;
              durationS: number | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Problem: {
      type: string;
      title: string;
      status: number;
      /** @description stable machine-readable error code */
      code: string;
      detail: string;
      instance?: string;
      /** @description the input field at fault */
      field?: string;
      errors?: {
        field: string;
        message: string;
      }[];
      retryAfterSeconds?: number;
      /** @description the token scope the route needs (missing_scope) */
      scope?: string;
      /** @description the call already going on in the conversation (call_in_progress) */
      callId?: string;
      requestId?: string;
    } & {
      [key: string]: unknown;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
