//! Spanish trigger lexicon, in the syntax of [`super::english`]: `v` verbs are conjugated
//! (third person, participles, gerund, future, conditional, subjunctive; reflexive infinitives
//! such as "enfrentarse" inflect as their base), `n` nouns take their plural.

pub(crate) const LEXICON: &str = r"
AGREE - : v acordar | acordó acordaron acuerda acuerdan ; n acuerdo ; n tratado ; n pacto ; n convenio ; n memorando de entendimiento
AGREE - : v firmar + acuerdo convenio tratado pacto memorando declaración contrato
AGREE - : v aceptar + propuesta oferta plan condiciones acuerdo invitación
AGREE - intent : v prometer ; v comprometerse | comprometió comprometieron ; n compromiso + de a ; v ofrecer | ofrece ofrecen ofreció ofrecieron + a
THREATEN - intent : v jurar
AGREE - : n alto el fuego ; n cese al fuego ; n tregua ; n armisticio
AGREE - : v fusionarse ; n fusión ; v adquirir | adquiere adquieren ; n adquisición ; n compra + empresa compañía cadena acciones
CONSULT - : v reunirse | reunió reunieron reúne reúnen ; n reunión ; n conversaciones ; v dialogar ; n diálogo ; n cumbre ; v conversar ; n encuentro + con entre presidente ministro canciller ; n mesa de diálogo
CONSULT phone : n llamada telefónica ; n videollamada ; n conversación telefónica
CONSULT - : v negociar ; n negociación ; n negociador
CONSULT visit : v visitar ; n visita ; v recibir + delegación presidente ministro canciller homólogo
CONSULT third-party : v mediar ; n mediación ; n mediador
SUPPORT - : v disculparse ; v restablecer + relaciones ; v reconocer + independencia gobierno ; v apoyar ; n apoyo + expres manifest brind ofrec su respald ; v respaldar ; n respaldo ; v elogiar ; v felicitar ; v aplaudir ; v agradecer | agradece agradecen ; n solidaridad ; v defender | defiende defienden ; v celebrar + decisión acuerdo
CONCEDE - : v ceder | cede ceden ; n concesión ; v levantar + sanci toque prohibición embargo restricci ; v aceptar + exigencia demanda ; v permitir + que ; v perdonar ; v retractarse ; v flexibilizar
RETREAT release : v liberar + rehén rehenes secuestrad detenid preso prisioner ; n liberación + rehén rehenes secuestrad detenid preso prisioner ; v excarcelar ; v indultar ; n indulto ; n amnistía
RETREAT resign : v renunciar ; n renuncia ; v dimitir ; n dimisión
COOPERATE - : v cooperar ; n cooperación ; v colaborar ; n colaboración ; v coordinar ; n coordinación ; n alianza
COOPERATE - : v compartir + información inteligencia datos ; n intercambio de información
COOPERATE - : n operativo conjunto ; n operativos conjuntos ; n patrullaje conjunto ; n patrullajes conjuntos ; n patrullas conjuntas ; n ejercicios conjuntos
COOPERATE - : v extraditar ; n extradición
AID - : v ayudar ; n ayuda ; n asistencia + humanitaria médica alimentaria técnica ; v donar ; n donativo ; n donación ; v entregar + víveres despensas alimentos ayuda insumos medicamentos agua ; n entrega + víveres despensas alimentos ayuda insumos medicamentos ; v enviar | envió enviaron envía envían + ayuda víveres despensas alimentos insumos medicamentos ; v proporcionar + información inteligencia ayuda apoyo ; v brindar + ayuda asistencia información ; v suministrar ; v financiar ; n financiamiento
AID - : v< recibir + ayuda asistencia información inteligencia víveres apoyo armas recursos
AID humanitarian : v repartir + víveres despensas alimentos comida ayuda agua cobijas ; v distribuir + víveres despensas alimentos comida ayuda agua cobijas ; n ayuda humanitaria ; n víveres ; n despensas ; n asistencia humanitaria ; n ayuda alimentaria ; n kits de higiene
AID military : n ayuda militar ; n asistencia militar
AID economic : n ayuda económica ; n apoyo económico ; n ayuda financiera
RETREAT withdraw : v rendirse | rindió rindieron ; v levantar + bloqueo cerco sitio ; v retirarse | retiró retiraron ; n retirada ; n retiro + tropas fuerzas soldados ; v replegarse | replegó replegaron ; n repliegue ; v abandonar + posiciones territorio zona
RETREAT disarm : v desmovilizar ; n desmovilización ; n desarme ; v entregar las armas | entregó entregaron ; v deponer las armas
REQUEST - : v pedir | pidió pidieron pide piden pida pidan ; n petición ; v solicitar ; n solicitud ; v exigir | exija exijan ; n exigencia ; v reclamar ; n reclamo ; v instar ; v urgir ; n llamado + a para ; v hacer un llamado | hizo ; v llamar a ; v demandar + que ; v rogar | ruega ruegan
ACCUSE - : v acusar ; n acusación ; v culpar ; v responsabilizar ; v señalar + responsable
ACCUSE disapprove : v calificar + de como ; v tachar + de ; v tildar + de ; v criticar ; n crítica ; v condenar + ataque hecho violencia agresión asesinato acción ; v reprochar ; v cuestionar ; v denunciar + que ; n denuncia
ACCUSE investigate : v investigar ; n investigación + abr inici carpeta ; n carpeta de investigación ; n pesquisa
ACCUSE allege : v demandar + ante tribunal juzgado corte ; n demanda + ante contra tribunal ; v imputar ; n imputación ; v procesar ; v vincular a proceso | vinculó vincularon ; v apelar ; n apelación ; n recurso + amparo tribunal ; n querella ; v impugnar ; n impugnación ; n amparo
REJECT - : v declinar ; v rechazar ; n rechazo ; v negarse a | negó negaron niega niegan ; v vetar ; n veto ; v oponerse | opuso opusieron opone oponen ; v desestimar ; v descartar ; v desconocer | desconoce desconocen
THREATEN - : v amenazar ; n amenaza ; v advertir | advirtió advirtieron advierte advierten ; n advertencia ; n ultimátum
PROTEST demo : v protestar ; n protesta ; v manifestarse | manifestó manifestaron ; n manifestación ; n manifestante ; n marcha ; v marchar ; n plantón ; n mitin ; n movilización + protest manifest marcha sindica trabajador estudiant central gremi cgt docente maestro campesin ; n cacerolazo
PROTEST hunger : n huelga de hambre ; n ayuno + protesta
PROTEST strike : n huelga ; n paro + nacional general transportista trabajador labores sindica docente maestro controlador piloto médic enfermer chofer conductor operador emplead obrer aceiter portuari miner estatal judicial universitari bancari camioner taxist combi colectiv indefinido central gremi ; v parar + labores ; n huelguista
PROTEST riot : n disturbios ; n disturbio ; n motín ; n saqueo ; n saqueos ; v saquear
PROTEST obstruct : n bloqueo + manifestant transportista campesin product protest vecin habitant trabajador ; v bloquear + carretera camino calle acceso puente ruta vía autopista protest manifestant ; n corte de ruta ; n piquete ; v cortar + carretera calle ruta vía autopista camino acceso puente
SANCTION - : v sancionar ; n sanción ; n embargo ; n arancel
SANCTION expel : v expulsar + embajador diplomático
SANCTION discontinue : v romper + relaciones ; v suspender + relaciones comercio cooperación
SANCTION - : v prohibir | prohíbe prohíben ; n prohibición ; v suspender + cargo funciones presidente federación dirigente ; n suspensión + cargo funciones ; v inhabilitar ; n inhabilitación ; v vetar + de
SANCTION discontinue : v congelar + cuenta activo bien fondo ; n congelamiento ; n bloqueo de cuentas ; n lista negra
PROTEST boycott : v boicotear ; n boicot
SANCTION convict : v multar ; n multa ; v condenar + prisión años cárcel ; v sentenciar
MOBILIZE troops : v llegar | llegó llegaron llegarán llegará + elemento efectivo tropa soldado militar ; n alerta + máxima roja ; v patrullar ; n patrullaje ; v desplegar | despliega despliegan ; n despliegue ; v movilizar + elemento tropa soldado militar efectivo policía agente ; n refuerzo ; v reforzar | refuerza refuerzan + seguridad presencia vigilancia ; v enviar | envió enviaron + elementos tropas soldados militares efectivos agentes ; n envío + elemento tropa soldado militar efectivo agente policía marino
COERCE arrest : v arrestar ; n arresto ; v aprehender ; n aprehensión ; v capturar ; n captura
COERCE arrest : v detener | detuvo detuvieron detiene detienen detenga detengan ; n detención ; n detenido ; v encarcelar
COERCE seize : v demoler ; n demolición ; v desalojar ; n desalojo ; v incautar ; n incautación ; v decomisar ; n decomiso ; v confiscar ; n confiscación ; v asegurar + arma droga cartucho vehículo cocaína metanfetamina fentanilo kilo dosis paquete litro combustible gasolina hidrocarburo mercancía efectivo dinero cargador ; n aseguramiento ; v expropiar
COERCE - : n cateo ; v catear ; n allanamiento ; v allanar ; n redada
COERCE curfew : n toque de queda
COERCE martial-law : n estado de excepción ; n estado de sitio ; n ley marcial
COERCE deport : v deportar ; n deportación
COERCE censor : v censurar ; n censura
COERCE withhold : n corte de internet ; n apagón de internet ; v cortar + internet agua luz suministro
ASSAULT crowd-control : n gases lacrimógenos ; n gas lacrimógeno ; v dispersar + manifestant protest marcha ; n gas pimienta ; n balas de goma ; n tanqueta ; n cañón de agua ; n carga policial
COERCE restrict : v prohibir | prohíbe prohíben + motocicleta moto vehículo reunión manifestación marcha protesta circulación tránsito ; n narcobloqueo
COERCE restrict disruption : v suspender + vuelo operaci clase escuela servicio tránsito tren aeropuerto ; v cancelar + vuelo clase servicio ; v cerrar | cierra cierran + aeropuerto carretera escuela frontera puerto autopista garita mercado puente ; n cierre + aeropuerto carretera escuela frontera puerto ; n suspensión + vuelo clase servicio ; n apagón ; n corte de luz ; n cortes de luz ; v desviar + vuelo ; n afectaciones + vuelo aeropuerto carretera
ASSAULT - : v abatir ; v atacar ; n ataque ; n agresión ; v agredir ; v matar ; n homicidio ; v asesinar ; n asesinato ; v emboscar ; n emboscada ; v enfrentarse ; n enfrentamiento ; n combates ; n combate + armado muerto ; v herir | hiere hirió hirieron ; n herido ; v lesionar ; v ejecutar + hombre mujer persona ; n masacre ; v masacrar ; v torturar ; n tortura ; v< morir | murió murieron muere mueren muerto muertos + herida ataque enfrentamiento operativo bala disparo balacera explosión combate agresión ; v< perder la vida | perdió perdieron ; n invasión ; n ofensiva
ASSAULT firearms : v disparar ; n disparo ; n balacera ; n tiroteo ; v balear ; n balazo ; v abrir fuego | abrieron abrió ; n fuego cruzado ; n enfrentamiento armado ; n enfrentamientos armados
ASSAULT explosives : n explosión ; n explosivo ; n artefacto explosivo ; n coche bomba ; n granada ; v detonar ; n atentado ; n bomba
ASSAULT aerial : v bombardear ; n bombardeo ; n ataque aéreo ; n ataques aéreos
ASSAULT drone : n ataque con drones ; n dron + ataque explosivo artefacto lanz
ASSAULT targeted : n magnicidio ; v asesinar + alcalde candidato líder dirigente periodista activista
ASSAULT abduct : v retener | retuvo retuvieron retiene retienen + policía militar soldado agente funcionario trabajador empleado persona custodio ; v secuestrar ; n secuestro ; v privar de la libertad | privaron privó ; n rapto ; v raptar
ASSAULT beat : v linchar ; n linchamiento
ASSAULT destroy : v incendiar ; n incendio + provocado vehículo vehículos negocio casa ; v quemar + vehículo casa negocio autobús camión ; n quema
ASSAULT destroy : v destruir | destruyó destruyeron destruye
PROTEST vandalize : n vandalismo ; n pintas ; v vandalizar
ASSAULT destroy : v sabotear ; n sabotaje ; v derribar + torre poste
ASSAULT beat : v golpear ; n golpiza ; v apuñalar
";
